package com.fielddesk.localbackend.schema;

import com.fielddesk.localbackend.schema.Sql.ApiError;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Many claimers, each on its own connection and already inside its transaction as its user,
 * released at once by one latch to call claim_service_request on the same lead.
 */
final class ClaimRace {

    /** What one claimer saw: the claimed ids or the API error code, and how long the claim took. */
    record Outcome(AppUser claimer, String result, boolean won, long nanos) {
    }

    private ClaimRace() {
    }

    static List<Outcome> run(DataSource database, List<AppUser> claimers, UUID lead) throws Exception {
        CountDownLatch ready = new CountDownLatch(claimers.size());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(claimers.size());
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (AppUser claimer : claimers) {
                Callable<Outcome> claim = () -> {
                    try (Connection connection = database.getConnection()) {
                        connection.setAutoCommit(false);
                        claimer.identity().applyTo(connection);
                        ready.countDown();
                        if (!start.await(60, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("start signal never came");
                        }
                        long begin = System.nanoTime();
                        try {
                            Object ids = Sql.value(connection, "select public.claim_service_request(?)", lead);
                            connection.commit();
                            return new Outcome(claimer, String.valueOf(ids), true, System.nanoTime() - begin);
                        } catch (SQLException e) {
                            connection.rollback();
                            return new Outcome(claimer, ApiError.of(e).code(), false, System.nanoTime() - begin);
                        }
                    }
                };
                futures.add(pool.submit(claim));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!ready.await(100, TimeUnit.MILLISECONDS)) {
                for (Future<Outcome> future : futures) {
                    if (future.isDone()) {
                        future.get(); // a claimer that could not connect: its own exception, not a timeout
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + (claimers.size() - ready.getCount()) + " of "
                            + claimers.size() + " claimers connected within 60 s");
                }
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
