package com.fielddesk.cache.store;

import com.fielddesk.cache.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Change notices: named tables and ids, coalesced per listener, never on the committing thread. */
class ChangeNotifierTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    private static void writeCustomer(CacheDatabase database, String id, String name) {
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert or replace into customers (id, full_name) values (?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, name);
                insert.executeUpdate();
            }
            database.markTouched("customers", id);
            return null;
        });
    }

    @Test
    void aThousandCommitsWhileTheListenerIsBusyReachItAsFewNoticesAndTheLastStateIsSeen() throws Exception {
        try (CacheDatabase database = CacheDatabase.open(folder.resolve("cache.db"))) {
            CopyOnWriteArrayList<ChangeNotice> notices = new CopyOnWriteArrayList<>();
            AtomicReference<String> lastNameSeen = new AtomicReference<>();
            String id = UUID.randomUUID().toString();
            try (AutoCloseable listening = database.changes().listen(notice -> {
                notices.add(notice);
                // A listener as a screen would be: re-read what it shows (and take a while doing it).
                lastNameSeen.set(database.read(connection -> {
                    try (var rows = connection.createStatement().executeQuery(
                            "select full_name from customers where id = '" + id + "'")) {
                        return rows.next() ? rows.getString(1) : null;
                    }
                }));
                sleepQuietly(5);
            })) {
                for (int page = 1; page <= 1_000; page++) {
                    writeCustomer(database, id, "name " + page);
                }
                Await.until("the last commit's state is seen", DEADLINE, () -> "name 1000".equals(lastNameSeen.get()));
            }
            // 1,000 commits in far less than 1,000 × 5 ms: the busy listener heard them merged.
            assertThat(notices).hasSizeLessThan(200).allSatisfy(notice -> {
                assertThat(notice.tables()).containsExactly("customers");
                assertThat(notice.ids("customers")).containsExactly(id);
            });
        }
    }

    @Test
    void listenersRunOffTheCommittingThreadSoASlowOneDelaysNoWrite() throws Exception {
        try (CacheDatabase database = CacheDatabase.open(folder.resolve("cache.db"))) {
            CountDownLatch release = new CountDownLatch(1);
            AtomicReference<Thread> listenerThread = new AtomicReference<>();
            AtomicInteger fastHeard = new AtomicInteger();
            try (AutoCloseable slow = database.changes().listen(notice -> {
                listenerThread.set(Thread.currentThread());
                awaitQuietly(release);
            }); AutoCloseable fast = database.changes().subscribe("customers", fastHeard::incrementAndGet)) {
                long started = System.nanoTime();
                for (int i = 0; i < 50; i++) {
                    writeCustomer(database, UUID.randomUUID().toString(), "c" + i);
                }
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
                // The slow listener still holds its first notice, yet the other listener kept hearing.
                Await.until("the fast listener heard the last commit", DEADLINE, () -> fastHeard.get() >= 1);
                assertThat(listenerThread.get()).isNotNull().isNotEqualTo(Thread.currentThread());
                release.countDown();
            }
        }
    }

    @Test
    void aNoticeNamesItsTablesAndIdsAndALargeOrUnnamedChangeIsManyRows() throws Exception {
        try (CacheDatabase database = CacheDatabase.open(folder.resolve("cache.db"))) {
            CopyOnWriteArrayList<ChangeNotice> notices = new CopyOnWriteArrayList<>();
            try (AutoCloseable listening = database.changes().listen(notices::add)) {
                database.write(connection -> {
                    database.markTouched("customers", "a");
                    database.markTouched("customers", "b");
                    database.markTouched("work_orders");
                    return null;
                });
                Await.until("the first notice", DEADLINE, () -> notices.size() == 1);
                ChangeNotice first = notices.get(0);
                assertThat(first.tables()).containsExactlyInAnyOrder("customers", "work_orders");
                assertThat(first.knownIds("customers")).hasValue(Set.of("a", "b"));
                assertThat(first.manyRows("work_orders")).isTrue();
                assertThat(first.mayHaveChanged("work_orders", "anything")).isTrue();
                assertThat(first.mayHaveChanged("customers", "c")).isFalse();
                assertThat(first.touches("invoices")).isFalse();

                database.write(connection -> {
                    for (int i = 0; i <= ChangeNotice.MAX_IDS_PER_TABLE; i++) {
                        database.markTouched("customers", "id" + i);
                    }
                    return null;
                });
                Await.until("the second notice", DEADLINE, () -> notices.size() == 2);
                assertThat(notices.get(1).manyRows("customers")).isTrue();
            }
        }
    }

    @Test
    void anIdleListenerHearsACommitAtOnce() throws Exception {
        try (CacheDatabase database = CacheDatabase.open(folder.resolve("cache.db"))) {
            List<Long> latenciesMicros = new CopyOnWriteArrayList<>();
            AtomicReference<Long> committedAt = new AtomicReference<>();
            try (AutoCloseable listening = database.changes().listen(notice ->
                    latenciesMicros.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - committedAt.get())))) {
                for (int i = 0; i < 20; i++) {
                    int before = latenciesMicros.size();
                    database.write(connection -> {
                        database.markTouched("customers", "x");
                        committedAt.set(System.nanoTime());
                        return null;
                    });
                    Await.until("notice " + i, DEADLINE, () -> latenciesMicros.size() > before);
                }
            }
            // Not a speed target (that is ChangeToQueryBenchmark): only that nothing waits for a timer.
            assertThat(latenciesMicros.stream().sorted().toList().get(10)).isLessThan(TimeUnit.SECONDS.toMicros(1));
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
