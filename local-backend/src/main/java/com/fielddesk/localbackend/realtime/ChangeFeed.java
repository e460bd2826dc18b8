package com.fielddesk.localbackend.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.http.Json;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Listens on one dedicated database connection for the change notifications of
 * {@link PublishedTables}' triggers and hands them, in commit order, to one consumer.
 *
 * <p>Two threads: the listener only reads notifications off the connection and queues them (so
 * a slow consumer never delays reading, and PostgreSQL's notification queue never backs up
 * behind us); the dispatcher takes <em>everything</em> queued as one batch and runs the consumer
 * on it. The busier the consumer, the larger the next batch, so the per-batch cost is paid once
 * for many changes instead of once per change. A lost connection is re-opened; changes committed
 * meanwhile are missed, which Realtime allows (clients re-sync after reconnecting).
 */
final class ChangeFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    private static final int POLL_MILLIS = 250;

    /** One committed row change: which row (primary key only) and when it was written. */
    record Change(String schema, String table, String type, JsonNode primaryKey, Instant at) {
    }

    private final DataSource superuser;
    private final Consumer<List<Change>> consumer;
    /** Notification payloads in arrival (= commit) order, waiting for the dispatcher. */
    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
    private final Thread listener;
    private final Thread dispatcher;
    private final CountDownLatch listening = new CountDownLatch(1);
    private volatile boolean running = true;

    ChangeFeed(DataSource superuser, Consumer<List<Change>> consumer) {
        this.superuser = superuser;
        this.consumer = consumer;
        this.listener = new Thread(this::listen, "realtime-change-feed");
        this.listener.setDaemon(true);
        this.dispatcher = new Thread(this::dispatch, "realtime-dispatch");
        this.dispatcher.setDaemon(true);
    }

    /** Starts listening and returns once LISTEN is in place, so no later commit is missed. */
    void start() {
        dispatcher.start();
        listener.start();
        try {
            if (!listening.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The realtime change feed could not LISTEN within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = superuser.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + PublishedTables.NOTIFY_CHANNEL);
                }
                listening.countDown();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] arrived = notifications.getNotifications(POLL_MILLIS);
                    if (arrived != null) {
                        for (PGNotification notification : arrived) {
                            pending.add(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("Realtime change feed lost its database connection; reconnecting", e);
                    pause();
                }
            }
        }
    }

    private void dispatch() {
        while (running) {
            List<String> payloads = new ArrayList<>();
            try {
                payloads.add(pending.take());
            } catch (InterruptedException e) {
                return; // closing
            }
            pending.drainTo(payloads);
            List<Change> batch = new ArrayList<>(payloads.size());
            for (String payload : payloads) {
                Change change = parse(payload);
                if (change != null) {
                    batch.add(change);
                }
            }
            try {
                consumer.accept(batch);
            } catch (RuntimeException e) {
                LOG.error("Realtime change delivery failed; continuing with the next changes", e);
            }
        }
    }

    private static Change parse(String payload) {
        try {
            JsonNode change = Json.MAPPER.readTree(payload);
            return new Change(change.get("schema").asText(), change.get("table").asText(), change.get("type").asText(),
                    change.get("pk"), Instant.ofEpochMilli(change.get("at").asLong()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring a malformed change notification: {}", payload);
            return null;
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        dispatcher.interrupt();
        try {
            listener.join(5000);
            dispatcher.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
