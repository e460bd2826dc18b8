package com.fielddesk.cache.cli;

import java.util.Locale;
import com.fielddesk.cache.http.SupabaseRemoteTables;
import com.fielddesk.cache.pull.PullProgress;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.status.SyncStatus;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.sync.SyncEngine;
import com.fielddesk.cache.sync.SyncReport;
import com.fielddesk.cache.sync.SyncSettings;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.SupabaseConfig;
import com.fielddesk.supabase.auth.InMemorySessionStore;
import com.fielddesk.supabase.errors.SupabaseException;
import com.fielddesk.supabase.realtime.ChangeType;
import com.fielddesk.supabase.realtime.PostgresChangesFilter;
import com.fielddesk.supabase.realtime.RealtimeChannel;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Headless sync for diagnostics: {@code sync --url URL --anon-key KEY --email E --password P
 * --db FILE [--once|--watch]}. Prints progress and a summary; exit 0 on success, 1 when the sync
 * failed, 2 for a bad command line.
 */
public final class SyncCli {

    /** Tables in the realtime publication: an event on one triggers a pull of that table. */
    private static final List<String> REALTIME_TABLES = List.of("lead_pool", "work_orders", "customer_messages",
            "internal_messages", "invoices", "service_requests");

    private final PrintStream out;

    public SyncCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new SyncCli(System.out).run(args));
    }

    public int run(String... args) {
        SyncCommand command;
        try {
            command = SyncCommand.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("sync: " + e.getMessage());
            out.println(SyncCommand.USAGE);
            return 2;
        }
        SyncSettings settings = SyncSettings.defaults().withPullPageSize(command.pageSize())
                .withPushBatchSize(command.batchSize());
        try (SupabaseClient client = new SupabaseClient(SupabaseConfig.of(command.url(), command.anonKey()),
                new InMemorySessionStore())) {
            try {
                client.auth().signInWithPassword(command.email(), command.password());
            } catch (SupabaseException e) {
                out.println("sync: sign-in failed: " + e.getMessage());
                return 1;
            }
            out.println("signed in as " + command.email());
            try (CacheDatabase database = CacheDatabase.open(command.database());
                 SyncEngine engine = new SyncEngine(database, new SupabaseRemoteTables(client), Clock.systemUTC(),
                         settings, new SplittableRandom())) {
                return command.watch() ? watch(client, engine) : once(engine);
            }
        }
    }

    private int once(SyncEngine engine) {
        try {
            SyncReport report = engine.syncWithRetries(Duration.ofMinutes(5), this::printProgress);
            printSummary(report, engine.status().snapshot());
            return 0;
        } catch (RemoteException e) {
            out.println("sync failed: " + e.getMessage());
            printStatus(engine.status().snapshot());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("sync interrupted");
            return 1;
        }
    }

    private int watch(SupabaseClient client, SyncEngine engine) {
        client.realtime().connect();
        RealtimeChannel channel = client.realtime().channel("fielddesk-sync");
        for (String table : REALTIME_TABLES) {
            channel.onPostgresChanges(PostgresChangesFilter.table("public", table).on(ChangeType.ALL),
                    event -> engine.remoteChanged(table));
        }
        channel.subscribe();
        out.println("watching; stop with Ctrl+C");
        engine.watch(report -> printSummary(report, engine.status().snapshot()),
                failure -> out.println("sync failed (will retry): " + failure.getMessage()));
        printStatus(engine.status().snapshot());
        return 0;
    }

    private void printProgress(PullProgress progress) {
        if (progress.tableDone() || progress.rowsThisRound() % 10_000 == 0) {
            out.printf(Locale.ROOT, "pulled %s: %d rows%s%n", progress.table(), progress.rowsThisRound(),
                    progress.tableDone() ? " (done)" : "");
        }
    }

    private void printSummary(SyncReport report, SyncStatus status) {
        out.println("summary:");
        for (Map.Entry<String, Long> entry : report.rowsPulled().entrySet()) {
            if (entry.getValue() > 0) {
                out.printf(Locale.ROOT, "  pulled %-26s %d rows%n", entry.getKey(), entry.getValue());
            }
        }
        out.printf(Locale.ROOT, "  pushed %d mutations (%d already applied earlier), %d merged, %d conflicting fields, %d quarantined%n",
                report.push().applied(), report.push().duplicates(), report.push().merged(),
                report.push().conflictFields(), report.push().quarantined());
        printStatus(status);
    }

    private void printStatus(SyncStatus status) {
        out.printf(Locale.ROOT, "  pending %d, conflicts open %d, quarantined %d%s%n", status.pendingCount(), status.conflicts().size(),
                status.quarantined().size(), status.currentError() == null ? "" : ", error: " + status.currentError());
        status.quarantined().forEach(entry -> out.printf(Locale.ROOT, "  quarantined %s %s %s: %s%n", entry.operation().wireName(),
                entry.table(), entry.rowId(), entry.errorMessage()));
    }
}
