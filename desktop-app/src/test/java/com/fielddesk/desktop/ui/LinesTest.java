package com.fielddesk.desktop.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinesTest {

    @Test
    void everyKindOfLineBreakAndTabBecomesOneSpace() {
        assertThat(Lines.oneLine("Leak\r\nupstairs\n\nnow")).isEqualTo("Leak upstairs now");
        assertThat(Lines.oneLine("a\rb\u2028c\u2029d\u0085e\u000Bf\fg\th")).isEqualTo("a b c d e f g h");
        assertThat(Lines.oneLine("  two  spaces stay  ")).as("spaces inside are the writer's; the ends are trimmed")
                .isEqualTo("two  spaces stay");
        assertThat(Lines.oneLine("Zoë Łódź — 42")).isEqualTo("Zoë Łódź — 42");
        assertThat(Lines.oneLine("")).isEmpty();
    }
}
