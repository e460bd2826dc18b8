package com.fielddesk.cache.cli;

import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.testing.BackendAccounts;
import com.fielddesk.cache.testing.Tenant;
import com.fielddesk.cache.testing.Workload;
import com.fielddesk.localbackend.testing.TestBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The headless sync command against a running local-backend. */
class SyncCliTest {

    @TempDir
    Path folder;

    private record Run(int exitCode, String output) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = new SyncCli(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(args);
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void onceDownloadsUploadsAndPrintsASummary() {
        TestBackend backend = TestBackend.shared();
        Tenant tenant = Tenant.create(backend.admin(), "dispatcher");
        tenant.insertWorkOrders(12, "Job");
        String password = BackendAccounts.password(backend, tenant, tenant.user(0));
        Path db = folder.resolve("cli.db");
        String[] args = {"--url", backend.url().toString(), "--anon-key", backend.anonKey(), "--email",
                tenant.user(0).email(), "--password", password, "--db", db.toString(), "--once", "--page-size", "5"};

        Run first = run(args);
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("pulled work_orders", "12 rows", "pending 0");

        Workload workload = new Workload(tenant, 7);
        try (CacheDatabase database = CacheDatabase.open(db)) {
            workload.queueRound(database, 3);
        }
        Run second = run(args);
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("pushed 4 mutations");
        try (CacheDatabase database = CacheDatabase.open(db)) {
            workload.verify(database);
        }
    }

    @Test
    void aBadCommandLineIsExplainedAndTouchesNothing() {
        Path db = folder.resolve("never.db");
        Run missing = run("--url", "http://127.0.0.1:9", "--db", db.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.output()).contains("Missing --anon-key, --email, --password", "usage: sync");
        Run both = run("--url", "http://x", "--anon-key", "k", "--email", "e", "--password", "p", "--db", db.toString(),
                "--once", "--watch");
        assertThat(both.output()).contains("Choose one of --once and --watch");
        Run badSize = run("--url", "http://x", "--anon-key", "k", "--email", "e", "--password", "p", "--db", db.toString(),
                "--page-size", "-3");
        assertThat(badSize.output()).contains("--page-size must be a positive whole number");
        assertThat(Files.exists(db)).isFalse();
    }

    @Test
    void aWrongPasswordFailsClearlyWithoutCreatingTheCache() {
        TestBackend backend = TestBackend.shared();
        Tenant tenant = Tenant.create(backend.admin(), "dispatcher");
        Path db = folder.resolve("nope.db");
        Run run = run("--url", backend.url().toString(), "--anon-key", backend.anonKey(), "--email",
                tenant.user(0).email(), "--password", "wrong", "--db", db.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("sign-in failed");
        assertThat(Files.exists(db)).isFalse();
    }
}
