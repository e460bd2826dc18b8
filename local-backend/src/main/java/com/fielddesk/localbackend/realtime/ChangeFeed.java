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
import java.util.function.Consumer;

/**
 * Listens on one dedicated database connection for the change notifications of
 * {@link PublishedTables}' triggers and hands them, in commit order and in batches of what has
 * arrived, to one consumer on its own thread. A lost connection is re-opened; changes committed
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
    private final Thread thread;
    private volatile boolean running = true;
    private final java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);

    ChangeFeed(DataSource superuser, Consumer<List<Change>> consumer) {
        this.superuser = superuser;
        this.consumer = consumer;
        this.thread = new Thread(this::run, "realtime-change-feed");
        this.thread.setDaemon(true);
    }

    /** Starts listening and returns once LISTEN is in place, so no later commit is missed. */
    void start() {
        thread.start();
        try {
            if (!listening.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("The realtime change feed could not LISTEN within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try (Connection connection = superuser.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + PublishedTables.NOTIFY_CHANNEL);
                }
                listening.countDown();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] arrived = notifications.getNotifications(POLL_MILLIS);
                    if (arrived != null && arrived.length > 0) {
                        deliver(arrived);
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("Realtime change feed lost its database connection; reconnecting", e);
                    pause();
                }
            } catch (RuntimeException e) {
                LOG.error("Realtime change delivery failed; continuing with the next changes", e);
            }
        }
    }

    private void deliver(PGNotification[] arrived) {
        List<Change> batch = new ArrayList<>(arrived.length);
        for (PGNotification notification : arrived) {
            try {
                JsonNode change = Json.MAPPER.readTree(notification.getParameter());
                batch.add(new Change(change.get("schema").asText(), change.get("table").asText(), change.get("type").asText(),
                        change.get("pk"), Instant.ofEpochMilli(change.get("at").asLong())));
            } catch (IOException e) {
                LOG.warn("Ignoring a malformed change notification: {}", notification.getParameter());
            }
        }
        consumer.accept(batch);
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
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
