package com.fielddesk.desktop.app;

import com.fielddesk.desktop.signin.DemoLogin;
import com.fielddesk.desktop.signin.SignInProgress;
import com.fielddesk.desktop.signin.Workspace;
import com.fielddesk.localbackend.DemoDataOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Local demo's first start as the sign-in screen sees it, for real: the embedded local-backend
 * in an empty folder (a small demo instead of the standard one, to keep the test short), the
 * documented demo login, an empty cache — every step is reported in order, with its counts up to
 * their totals, ending with the first sync, whose progress is the sync engine's own. The console
 * opens once the tables it opens with are in; the rest of the first sync continues behind it.
 */
class FirstRunProgressTest {

    @TempDir
    Path home;

    @Test
    void theFirstStartReportsEveryStepWithItsCounts() throws Exception {
        List<SignInProgress> steps = new CopyOnWriteArrayList<>();
        DemoLogin dispatcher = DemoLogins.documented().get(0);
        try (EmbeddedLocalDemo demo = new EmbeddedLocalDemo(home.resolve("local-backend"), DemoDataOption.scaled(20), Optional.empty());
             ConsoleSession session = new ConsoleSessions(home.resolve("workspaces"), demo, Clock.systemUTC())
                     .signIn(new Workspace.LocalDemo(), dispatcher.email(), dispatcher.password(), steps::add)) {
            assertThat(session.sync().rowsPerTable()).as("the console opens with the company, its people and the lead pool")
                    .containsKeys("companies", "profiles", "lead_pool")
                    .allSatisfy((table, rows) -> {
                        if (ConsoleSessions.TABLES_NEEDED_TO_OPEN.contains(table)) {
                            assertThat(rows).as(table).isPositive();
                        }
                    });
            // The rest of the first sync goes on with the console open, on the session's sync thread.
            Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (session.status().lastSuccessfulSync() == null || session.status().initialSync() != null) {
                assertThat(Instant.now()).as("the first sync finishes with the console open").isBefore(deadline);
                Thread.sleep(20);
            }
            assertThat(session.sync().rowsPerTable().get("work_orders")).isPositive();
        }

        assertThat(steps.stream().map(SignInProgress::step).distinct().toList()).containsExactly(
                SignInProgress.Step.STARTING_DATABASE, SignInProgress.Step.APPLYING_MIGRATIONS,
                SignInProgress.Step.LOADING_DEMO_DATA, SignInProgress.Step.STARTING_SERVER, SignInProgress.Step.SIGNING_IN,
                SignInProgress.Step.OPENING_COPY, SignInProgress.Step.FIRST_SYNC);
        assertThat(last(steps, SignInProgress.Step.APPLYING_MIGRATIONS).fraction()).isEqualTo(1.0);
        SignInProgress demoData = last(steps, SignInProgress.Step.LOADING_DEMO_DATA);
        assertThat(demoData.done()).isEqualTo(demoData.total()).isGreaterThan(100);
        SignInProgress firstSync = last(steps, SignInProgress.Step.FIRST_SYNC);
        assertThat(firstSync.total()).as("every synced table").isGreaterThan(10);
        assertThat(firstSync.done()).as("the sign-in waits for the tables the console opens with, not for all")
                .isGreaterThanOrEqualTo(ConsoleSessions.TABLES_NEEDED_TO_OPEN.size()).isLessThanOrEqualTo(firstSync.total());
        assertThat(firstSync.sentence()).matches("First sync: [a-z ]+, [0-9,]+ rows \\(\\d+ of \\d+ tables\\)…");
    }

    private static SignInProgress last(List<SignInProgress> steps, SignInProgress.Step step) {
        return steps.stream().filter(progress -> progress.step() == step).reduce((a, b) -> b).orElseThrow();
    }
}
