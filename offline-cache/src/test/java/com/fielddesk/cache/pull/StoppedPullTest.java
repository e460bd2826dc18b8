package com.fielddesk.cache.pull;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.testing.JdbcRemoteTables;
import com.fielddesk.cache.testing.Tenant;
import com.fielddesk.localbackend.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the engine stops its executors; a page download still queued then never runs. The pull
 * waiting for that page must still end when its thread is interrupted (a sign-out waits for the
 * sync thread), not wait for the page for ever.
 */
class StoppedPullTest {

    @TempDir
    Path folder;

    @Test
    void aPullWaitingForAPageThatWillNeverBeDownloadedEndsWhenInterrupted() throws Exception {
        DataSource server = TestPostgres.shared().superuser(TestPostgres.shared().newDatabase());
        Tenant tenant = Tenant.create(server, "dispatcher");
        tenant.insertWorkOrders(40, "Job");
        Tenant.User user = tenant.user(0);
        CountDownLatch pageStranded = new CountDownLatch(1);
        // What a stopped executor does to a task queued before it stopped: it never runs.
        Executor stopped = task -> pageStranded.countDown();
        Executor unused = task -> {
            throw new AssertionError("one table needs no second lane");
        };
        AtomicReference<Throwable> ended = new AtomicReference<>();
        AtomicBoolean interruptKept = new AtomicBoolean();

        try (CacheDatabase cache = CacheDatabase.open(folder.resolve("cache.db"))) {
            Puller puller = new Puller(cache, new JdbcRemoteTables(server, user.id(), user.email()), new Outbox(),
                    Clock.systemUTC(), 7, stopped, unused);
            Thread pulling = new Thread(() -> {
                try {
                    puller.pull(List.of("work_orders"), progress -> { });
                    ended.set(new AssertionError("the pull finished without its second page"));
                } catch (Throwable e) {
                    ended.set(e);
                }
                interruptKept.set(Thread.currentThread().isInterrupted());
            }, "stopped-pull");
            pulling.setDaemon(true);
            pulling.start();

            assertThat(pageStranded.await(30, TimeUnit.SECONDS)).as("the second page was handed to the executor").isTrue();
            pulling.interrupt();
            pulling.join(TimeUnit.SECONDS.toMillis(30));

            assertThat(pulling.isAlive()).as("the pull ended once interrupted").isFalse();
        }
        assertThat(ended.get()).isInstanceOf(RemoteException.class).hasMessageContaining("stopped");
        assertThat(interruptKept).as("the interrupt is kept for the loop that stops on it").isTrue();
    }
}
