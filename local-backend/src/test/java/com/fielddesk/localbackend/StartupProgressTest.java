package com.fielddesk.localbackend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first start tells its phases in order with their counts — migration files and demo rows, up
 * to their totals — so the console can show a progress bar instead of one "Loading demo data…"
 * for a minute; a second start has no demo data to load and says so by not reporting it.
 */
class StartupProgressTest {

    @Test
    void aFirstStartCountsMigrationsAndDemoRowsUpToTheirTotals(@TempDir Path data) {
        List<StartupProgress> steps = new ArrayList<>();
        LocalBackendOptions options = LocalBackendOptions.defaults().withStartupProgress(steps::add);
        try (LocalBackend backend = LocalBackend.start(new LocalBackendConfig(data, 0, false, DemoDataOption.scaled(20)),
                options)) {
            assertThat(backend.url()).isNotNull();
        }

        assertThat(steps.stream().map(StartupProgress::phase).distinct().toList()).containsExactly(
                StartupProgress.Phase.STARTING_DATABASE, StartupProgress.Phase.APPLYING_MIGRATIONS,
                StartupProgress.Phase.LOADING_DEMO_DATA, StartupProgress.Phase.STARTING_API, StartupProgress.Phase.READY);

        List<StartupProgress> migrations = of(steps, StartupProgress.Phase.APPLYING_MIGRATIONS);
        long files = migrations.get(0).total();
        assertThat(files).as("platform bootstrap + supabase/migrations").isGreaterThan(5);
        assertThat(migrations).extracting(StartupProgress::done).isSorted().endsWith(files);
        assertThat(migrations).extracting(StartupProgress::total).containsOnly(files);

        List<StartupProgress> demo = of(steps, StartupProgress.Phase.LOADING_DEMO_DATA);
        long rows = demo.get(0).total();
        assertThat(rows).isGreaterThan(100);
        assertThat(demo).extracting(StartupProgress::done).isSorted().doesNotHaveDuplicates().endsWith(rows);
        assertThat(demo.size()).as("reported as the rows go in, not once at the end").isGreaterThan(2);

        List<StartupProgress> again = new ArrayList<>();
        try (LocalBackend second = LocalBackend.start(new LocalBackendConfig(data, 0, false, DemoDataOption.scaled(20)),
                LocalBackendOptions.defaults().withStartupProgress(again::add))) {
            assertThat(second.url()).isNotNull();
        }
        assertThat(again).extracting(StartupProgress::phase).doesNotContain(StartupProgress.Phase.LOADING_DEMO_DATA);
        assertThat(of(again, StartupProgress.Phase.APPLYING_MIGRATIONS)).last()
                .as("every file is in place already").isEqualTo(new StartupProgress(StartupProgress.Phase.APPLYING_MIGRATIONS,
                        files, files));
    }

    private static List<StartupProgress> of(List<StartupProgress> steps, StartupProgress.Phase phase) {
        return steps.stream().filter(step -> step.phase() == phase).toList();
    }
}
