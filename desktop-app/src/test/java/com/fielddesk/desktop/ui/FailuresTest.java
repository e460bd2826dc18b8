package com.fielddesk.desktop.ui;

import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.store.CacheException;
import com.fielddesk.supabase.errors.ConflictException;
import com.fielddesk.supabase.errors.NetworkException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Every failure reaches the user as one sentence; an exception's own message only ever as details. */
class FailuresTest {

    private static final String INTERNAL = "java.lang.IllegalStateException: index 7 out of bounds for length 3";

    @Test
    void aFailureThatExplainsItselfKeepsItsSentence() {
        class WrongPassword extends Exception implements ExplainedFailure {
            @Override
            public String sentence() {
                return "Wrong email or password. Check both and try again.";
            }

            @Override
            public Optional<String> technicalDetails() {
                return Optional.of("invalid_credentials");
            }
        }
        Notice notice = Failures.notice(new WrongPassword());
        assertThat(notice.sentence()).isEqualTo("Wrong email or password. Check both and try again.");
        assertThat(notice.details()).contains("invalid_credentials");
    }

    @Test
    void anUnknownFailureSaysSomethingWentWrongAndKeepsItsTextAsDetails() {
        Notice notice = Failures.notice(new IllegalStateException(INTERNAL));
        assertThat(notice.kind()).isEqualTo(Notice.Kind.ERROR);
        assertThat(notice.sentence()).isEqualTo(Failures.UNEXPECTED).doesNotContain("index");
        assertThat(notice.details()).hasValueSatisfying(details -> assertThat(details).contains(INTERNAL));
    }

    @Test
    void theServerOutOfReachIsOneSentenceWhateverTheTransportSaid() {
        assertThat(Failures.sentence(new NetworkException("Failed to connect to /127.0.0.1:54321", null)))
                .isEqualTo(Failures.CANNOT_REACH_SERVER);
        assertThat(Failures.sentence(new RemoteException("timeout", true, null, null))).isEqualTo(Failures.CANNOT_REACH_SERVER);
    }

    @Test
    void aRefusalIsToldByItsCode() {
        assertThat(Failures.sentence(new ConflictException(409, "already_claimed", "(log text)", null, null)))
                .isEqualTo("This lead was already claimed by another company.");
    }

    @Test
    void localFailuresSayWhereTheProblemIs() {
        assertThat(Failures.notice(new CacheException("SQLITE_FULL")).sentence()).isEqualTo(Failures.LOCAL_COPY_FAILED);
        assertThat(Failures.notice(new UncheckedIOException(new IOException("disk full"))).sentence())
                .isEqualTo(Failures.FILE_FAILED);
    }

    @Test
    void aWrappedFailureIsToldAsWhatItWraps() {
        assertThat(Failures.sentence(new CompletionException(new CacheException("locked")))).isEqualTo(Failures.LOCAL_COPY_FAILED);
    }

    @Test
    void whatFailedComesFirst() {
        assertThat(Failures.sentence("Could not read the lead pool.", new CacheException("locked")))
                .isEqualTo("Could not read the lead pool. " + Failures.LOCAL_COPY_FAILED);
    }
}
