package com.fielddesk.desktop.messages;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The Job field reads a job number as the office writes it, and nothing else. */
class TypedJobNumberTest {

    @Test
    void aJobNumberAsTheOfficeWritesIt() {
        assertThat(TypedJobNumber.of("42")).isEqualTo(new TypedJobNumber(true, OptionalLong.of(42)));
        assertThat(TypedJobNumber.of(" #42 ")).isEqualTo(new TypedJobNumber(true, OptionalLong.of(42)));
        assertThat(TypedJobNumber.of("Job 42")).isEqualTo(new TypedJobNumber(true, OptionalLong.of(42)));
        assertThat(TypedJobNumber.of("job #007")).isEqualTo(new TypedJobNumber(true, OptionalLong.of(7)));
    }

    @Test
    void nothingTypedIsEveryJob() {
        assertThat(TypedJobNumber.of("")).isEqualTo(new TypedJobNumber(true, OptionalLong.empty()));
        assertThat(TypedJobNumber.of("   ")).isEqualTo(new TypedJobNumber(true, OptionalLong.empty()));
        assertThat(TypedJobNumber.of(null)).isEqualTo(new TypedJobNumber(true, OptionalLong.empty()));
    }

    @Test
    void anythingElseIsNotAJobNumber() {
        for (String typed : new String[] {"#", "Job", "4 2", "42a", "-42", "4.2", "٤٢", "'; drop table work_orders; --",
                "1234567890123456789", "Invoice 42"}) {
            assertThat(TypedJobNumber.of(typed).valid()).as(typed).isFalse();
        }
    }
}
