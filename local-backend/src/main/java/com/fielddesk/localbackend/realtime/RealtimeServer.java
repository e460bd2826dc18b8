package com.fielddesk.localbackend.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.localbackend.auth.JwtCodec;
import com.fielddesk.localbackend.db.RequestIdentity;
import com.fielddesk.localbackend.http.ApiRoutes;
import com.fielddesk.localbackend.http.TokenIdentities;
import com.fielddesk.localbackend.realtime.PhoenixFrame.Vsn;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code /realtime/v1/websocket}: Supabase Realtime's Phoenix protocol for postgres_changes.
 * Clients join topics with subscriptions; committed row changes from {@link ChangeFeed} reach a
 * channel only as {@link ChangeDelivery} finds them visible to that channel's caller.
 */
public final class RealtimeServer implements ApiRoutes {

    public static final String PATH = "/realtime/v1/websocket";
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeServer.class);
    private static final String SESSION = "realtime-session";

    /**
     * @param idleTimeout    a socket that sends nothing (not even a heartbeat) this long is closed
     * @param fanOutThreads  over how many parallel transactions the re-reads of one batch (one per
     *                       group of subscribers that see the same rows) are split
     * @param maxBacklog     a socket with this many events still unsent is closed (its client
     *                       reconnects and re-syncs) rather than buffered without bound
     */
    public record Settings(Duration idleTimeout, int fanOutThreads, int maxBacklog) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(60), 2, 20_000);
        }
    }

    private final DataSource superuser;
    private final TokenIdentities tokens;
    private final Settings settings;
    private final ChangeDelivery delivery;
    private final VisibilityKeys visibility;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger subscriptionIds = new AtomicInteger(10_000);
    private ExecutorService fanOut;
    private ExecutorService senders;
    private ScheduledExecutorService clock;
    private ChangeFeed feed;

    private RealtimeServer(DataSource superuser, TokenIdentities tokens, Settings settings, ChangeDelivery delivery,
                           VisibilityKeys visibility) {
        this.superuser = superuser;
        this.tokens = tokens;
        this.settings = settings;
        this.delivery = delivery;
        this.visibility = visibility;
    }

    /** Installs the change triggers (see {@link PublishedTables}); listening starts with the server. */
    public static RealtimeServer create(DataSource superuser, DataSource authenticator, TokenIdentities tokens,
                                        Settings settings) {
        PublishedTables tables = PublishedTables.install(superuser);
        VisibilityKeys visibility;
        try (java.sql.Connection connection = superuser.getConnection()) {
            visibility = VisibilityKeys.inspect(connection);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not inspect the policies for realtime: " + e.getMessage(), e);
        }
        return new RealtimeServer(superuser, tokens, settings, new ChangeDelivery(authenticator, tables), visibility);
    }

    @Override
    public void register(Javalin app) {
        app.ws(PATH, ws -> {
            ws.onConnect(this::open);
            ws.onMessage(ctx -> receive(ctx, ctx.message()));
            ws.onClose(ctx -> sessions.remove(ctx.sessionId()));
            ws.onError(ctx -> sessions.remove(ctx.sessionId()));
        });
        app.events(events -> {
            events.serverStarted(this::start);
            events.serverStopping(this::stop);
        });
    }

    private void start() {
        fanOut = Executors.newFixedThreadPool(settings.fanOutThreads(), daemon("realtime-fan-out"));
        senders = Executors.newFixedThreadPool(2, daemon("realtime-send"));
        clock = Executors.newSingleThreadScheduledExecutor(daemon("realtime-clock"));
        clock.scheduleAtFixedRate(this::enforceDeadlines, 250, 250, TimeUnit.MILLISECONDS);
        feed = new ChangeFeed(superuser, this::fanOut);
        feed.start();
    }

    private void stop() {
        if (feed != null) {
            feed.close();
        }
        if (clock != null) {
            clock.shutdownNow();
        }
        if (fanOut != null) {
            fanOut.shutdownNow();
        }
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    // ---- the socket ------------------------------------------------------------------------------

    private void open(WsContext ctx) {
        Vsn vsn;
        try {
            vsn = Vsn.fromParameter(ctx.queryParam("vsn"));
        } catch (PhoenixFrame.MalformedFrameException e) {
            ctx.closeSession(1008, e.getMessage());
            return;
        }
        String apiKey = ctx.queryParam("apikey");
        TokenIdentities.Caller keyCaller;
        try {
            keyCaller = apiKey == null ? null : tokens.verify(apiKey);
        } catch (JwtCodec.InvalidTokenException e) {
            keyCaller = null;
        }
        if (keyCaller == null || keyCaller.identity().subject() != null) {
            // Only the project's API keys open a socket, as the hosted gateway requires.
            ctx.closeSession(1008, "No valid API key found in request");
            return;
        }
        // Our own idle rule decides; Jetty's timeout only backs it up.
        ctx.session.setIdleTimeout(settings.idleTimeout().plusSeconds(30));
        Session session = new Session(ctx, vsn, keyCaller, settings.idleTimeout());
        sessions.put(ctx.sessionId(), session);
    }

    private void receive(WsContext ctx, String text) {
        Session session = sessions.get(ctx.sessionId());
        if (session == null) {
            return;
        }
        session.touch();
        PhoenixFrame frame;
        try {
            frame = PhoenixFrame.decode(text, session.vsn());
        } catch (PhoenixFrame.MalformedFrameException e) {
            LOG.debug("Ignoring a malformed realtime frame: {}", e.getMessage());
            return;
        }
        if (frame.topic().equals("phoenix")) {
            if (frame.event().equals("heartbeat")) {
                session.send(PhoenixFrame.reply(frame, "ok", null));
            }
            return;
        }
        switch (frame.event()) {
            case "phx_join" -> join(session, frame);
            case "phx_leave" -> leave(session, frame);
            case "access_token" -> refreshToken(session, frame);
            default -> {
                if (session.channel(frame.topic()) == null) {
                    session.send(PhoenixFrame.reply(frame, "error", reason("unmatched topic")));
                }
                // Broadcast and presence are not part of FieldDesk's subset; joined channels ignore them.
            }
        }
    }

    private void join(Session session, PhoenixFrame frame) {
        JsonNode payload = frame.payload();
        TokenIdentities.Caller caller;
        String token = payload.path("access_token").asText(null);
        try {
            caller = token == null ? session.keyCaller() : tokens.verify(token);
        } catch (JwtCodec.InvalidTokenException e) {
            session.send(PhoenixFrame.reply(frame, "error", reason(e.expired() ? "Token has expired" : "Invalid token")));
            return;
        }
        if (!frame.topic().startsWith("realtime:")) {
            session.send(PhoenixFrame.reply(frame, "error", reason("Topics must start with realtime:")));
            return;
        }
        List<Subscription> subscriptions = new ArrayList<>();
        ArrayNode echoed = JsonNodeFactory.instance.arrayNode();
        for (JsonNode entry : payload.path("config").path("postgres_changes")) {
            try {
                Subscription subscription = Subscription.from(entry, subscriptionIds.incrementAndGet(), delivery.tables(),
                        caller.identity().role());
                delivery.checkFilterValue(subscription);
                subscriptions.add(subscription);
                ObjectNode echo = entry.deepCopy();
                echo.put("id", subscription.id());
                echoed.add(echo);
            } catch (Subscription.InvalidSubscriptionException e) {
                session.send(PhoenixFrame.reply(frame, "error", reason(e.getMessage())));
                return;
            }
        }
        Channel channel = new Channel(frame.topic(), frame.joinRef() == null ? frame.ref() : frame.joinRef(), caller,
                subscriptions);
        session.join(channel);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("postgres_changes", echoed);
        session.send(PhoenixFrame.reply(frame, "ok", response));
        if (!subscriptions.isEmpty()) {
            ObjectNode subscribed = JsonNodeFactory.instance.objectNode();
            subscribed.put("extension", "postgres_changes");
            subscribed.put("status", "ok");
            subscribed.put("message", "Subscribed to PostgreSQL");
            subscribed.put("channel", channel.name());
            session.send(channel.push("system", subscribed));
        }
    }

    private void leave(Session session, PhoenixFrame frame) {
        Channel channel = session.leave(frame.topic());
        session.send(PhoenixFrame.reply(frame, "ok", null));
        if (channel != null) {
            session.send(channel.push("phx_close", null));
        }
    }

    private void refreshToken(Session session, PhoenixFrame frame) {
        Channel channel = session.channel(frame.topic());
        if (channel == null) {
            return;
        }
        String token = frame.payload().path("access_token").asText(null);
        try {
            channel.setCaller(tokens.verify(token == null ? "" : token));
        } catch (JwtCodec.InvalidTokenException e) {
            closeChannel(session, channel, e.expired() ? "Token has expired" : "Invalid token: " + e.getMessage());
        }
    }

    /** Tells the client why, then closes the channel (the socket stays open for its other channels). */
    private void closeChannel(Session session, Channel channel, String message) {
        if (session.leave(channel.topic()) == null) {
            return;
        }
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("extension", "system");
        error.put("status", "error");
        error.put("message", message);
        error.put("channel", channel.name());
        session.send(channel.push("system", error));
        session.send(channel.push("phx_close", null));
    }

    private void enforceDeadlines() {
        try {
            Instant now = Instant.now();
            for (Session session : sessions.values()) {
                if (session.idleSince(now)) {
                    sessions.remove(session.id());
                    session.close(1000, "Idle timeout: no heartbeat received");
                    continue;
                }
                for (Channel channel : session.channels()) {
                    Instant expiresAt = channel.caller().expiresAt();
                    if (!expiresAt.isAfter(now)) {
                        long ago = Duration.between(expiresAt, now).toSeconds();
                        closeChannel(session, channel, "Token has expired " + ago + " seconds ago");
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Realtime deadline check failed", e);
        }
    }

    // ---- changes ---------------------------------------------------------------------------------

    /** The channels that share one re-read because they see exactly the same rows. */
    private record Group(RequestIdentity reader, List<Member> members) {
    }

    private record Member(Session session, Channel channel) {
    }

    /** One event for one channel, and where its change stands in the batch (commit order). */
    private record Delivery(Session session, Channel channel, int position, ObjectNode event) {
    }

    /**
     * Serves one batch (on the dispatcher thread, one batch at a time): groups the interested
     * channels by {@link VisibilityKeys.Key}, re-reads the batch once per group (the groups split
     * over at most {@code fanOutThreads} parallel transactions), picks each channel's events from
     * its group's re-read in memory, and queues them on each socket in commit order. Sending happens on other threads, so a slow socket delays only itself; the
     * next batch is read only after this one is queued everywhere, so order holds per socket.
     */
    private void fanOut(List<ChangeFeed.Change> batch) {
        long started = System.nanoTime();
        Instant now = Instant.now();
        Map<VisibilityKeys.Key, Group> groups = new LinkedHashMap<>();
        for (Session session : sessions.values()) {
            for (Channel channel : session.channels()) {
                TokenIdentities.Caller caller = channel.caller();
                if (!caller.expiresAt().isAfter(now)) {
                    closeChannel(session, channel, "Token has expired");
                    continue;
                }
                if (batch.stream().anyMatch(channel::wants)) {
                    groups.computeIfAbsent(visibility.keyOf(caller.identity()),
                                    key -> new Group(caller.identity(), new ArrayList<>()))
                            .members().add(new Member(session, channel));
                }
            }
        }
        // A few transactions per batch, each re-reading for several groups in one round trip.
        List<Group> all = List.copyOf(groups.values());
        int perTask = Math.max(1, (all.size() + settings.fanOutThreads() - 1) / settings.fanOutThreads());
        ChangeDelivery.BatchData shared = new ChangeDelivery.BatchData();
        List<Future<List<Delivery>>> work = new ArrayList<>();
        for (int from = 0; from < all.size(); from += perTask) {
            List<Group> share = all.subList(from, Math.min(all.size(), from + perTask));
            work.add(fanOut.submit(() -> serve(share, batch, shared)));
        }
        Map<Session, List<Delivery>> bySession = new LinkedHashMap<>();
        for (Future<List<Delivery>> task : work) {
            try {
                for (Delivery delivery : task.get()) {
                    bySession.computeIfAbsent(delivery.session(), s -> new ArrayList<>()).add(delivery);
                }
            } catch (ExecutionException e) {
                LOG.error("Realtime delivery to a group of channels failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (Map.Entry<Session, List<Delivery>> entry : bySession.entrySet()) {
            List<Delivery> deliveries = entry.getValue();
            // Channels of one socket may sit in different groups; merge back into commit order (stable sort).
            deliveries.sort(Comparator.comparingInt(Delivery::position));
            entry.getKey().enqueue(deliveries.stream()
                    .map(d -> new Outgoing(d.channel(), d.channel().push("postgres_changes", d.event()))).toList());
        }
        if (LOG.isDebugEnabled() && !batch.isEmpty()) {
            LOG.debug("Realtime batch of {} changes for {} reader groups queued in {} ms, {} ms after its first commit",
                    batch.size(), groups.size(), (System.nanoTime() - started) / 1_000_000,
                    System.currentTimeMillis() - batch.get(0).at().toEpochMilli());
        }
    }

    /** One re-read per group (all in one transaction), then each member channel's events from its group's. */
    private List<Delivery> serve(List<Group> groups, List<ChangeFeed.Change> batch, ChangeDelivery.BatchData shared) {
        List<ChangeDelivery.Reader> readers = groups.stream()
                .map(group -> new ChangeDelivery.Reader(group.reader(), group.members().stream()
                        .flatMap(member -> member.channel().subscriptions().stream()).toList()))
                .toList();
        List<ChangeDelivery.Reread> rereads;
        try {
            rereads = delivery.reread(readers, batch);
        } catch (java.sql.SQLException e) {
            // E.g. a grant changed since start: these channels get nothing from this batch.
            LOG.warn("Realtime delivery could not re-read changes: {}", e.getMessage());
            return List.of();
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            ChangeDelivery.Reread reread = rereads.get(g);
            for (Member member : groups.get(g).members()) {
                for (int position = 0; position < batch.size(); position++) {
                    int at = position;
                    delivery.eventFor(reread, member.channel().subscriptions(), batch.get(position), at, shared)
                            .ifPresent(event -> deliveries.add(new Delivery(member.session(), member.channel(), at, event)));
                }
            }
        }
        return deliveries;
    }

    private static ObjectNode reason(String reason) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("reason", reason);
        return response;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    // ---- per-socket state ------------------------------------------------------------------------

    /** A frame waiting in a socket's outbox; dropped if its channel closed meanwhile. */
    private record Outgoing(Channel channel, PhoenixFrame frame) {
    }

    /** One client socket: its frame format, its joined channels, its outbox and when it last spoke. */
    private final class Session {
        private final WsContext ws;
        private final Vsn vsn;
        private final TokenIdentities.Caller keyCaller;
        private final Duration idleTimeout;
        private final Map<String, Channel> channels = new ConcurrentHashMap<>();
        /** Events in commit order, sent by one sender thread at a time. */
        private final Queue<Outgoing> outbox = new ConcurrentLinkedQueue<>();
        private final AtomicInteger backlog = new AtomicInteger();
        private final AtomicBoolean draining = new AtomicBoolean();
        private volatile Instant lastFrameAt = Instant.now();

        Session(WsContext ws, Vsn vsn, TokenIdentities.Caller keyCaller, Duration idleTimeout) {
            this.ws = ws;
            this.vsn = vsn;
            this.keyCaller = keyCaller;
            this.idleTimeout = idleTimeout;
        }

        String id() {
            return ws.sessionId();
        }

        Vsn vsn() {
            return vsn;
        }

        TokenIdentities.Caller keyCaller() {
            return keyCaller;
        }

        void touch() {
            lastFrameAt = Instant.now();
        }

        boolean idleSince(Instant now) {
            return lastFrameAt.plus(idleTimeout).isBefore(now);
        }

        Channel channel(String topic) {
            return channels.get(topic);
        }

        Iterable<Channel> channels() {
            return List.copyOf(channels.values());
        }

        void join(Channel channel) {
            Channel previous = channels.put(channel.topic(), channel);
            if (previous != null) {
                previous.markClosed();
            }
        }

        Channel leave(String topic) {
            Channel channel = channels.remove(topic);
            if (channel != null) {
                channel.markClosed();
            }
            return channel;
        }

        /** Queues events behind those already queued; only the dispatcher calls this, so order is commit order. */
        void enqueue(List<Outgoing> frames) {
            if (backlog.addAndGet(frames.size()) > settings.maxBacklog()) {
                LOG.warn("Realtime socket {} fell {} events behind; closing it so its client re-syncs", id(), backlog.get());
                sessions.remove(id());
                outbox.clear();
                close(1013, "Too far behind; reconnect");
                return;
            }
            outbox.addAll(frames);
            scheduleDrain();
        }

        private void scheduleDrain() {
            if (draining.compareAndSet(false, true)) {
                try {
                    senders.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    draining.set(false); // stopping
                }
            }
        }

        /**
         * Hands the queued events to Jetty without waiting for each write: Jetty keeps them in
         * order and writes whatever has queued up meanwhile in one go, rather than one system
         * call (and one client wake-up) per event.
         */
        private void drain() {
            Outgoing next;
            while ((next = outbox.poll()) != null) {
                if (next.channel().isOpen()) {
                    sendAsync(next.frame());
                } else {
                    backlog.decrementAndGet();
                }
            }
            draining.set(false);
            if (!outbox.isEmpty()) {
                scheduleDrain(); // queued after our last poll, before draining was released
            }
        }

        /** Jetty's blocking send allows one writer at a time; pushes come from several threads. */
        synchronized void send(PhoenixFrame frame) {
            try {
                if (ws.session.isOpen()) {
                    ws.send(frame.encode(vsn));
                }
            } catch (RuntimeException e) {
                LOG.debug("Could not send to realtime socket {}: {}", id(), e.getMessage());
            }
        }

        /** The event leaves the backlog once Jetty has written it (or given up). */
        private synchronized void sendAsync(PhoenixFrame frame) {
            WriteCallback written = new WriteCallback() {
                @Override
                public void writeFailed(Throwable failure) {
                    backlog.decrementAndGet();
                    LOG.debug("Could not send to realtime socket {}: {}", id(), failure.getMessage());
                }

                @Override
                public void writeSuccess() {
                    backlog.decrementAndGet();
                }
            };
            try {
                if (ws.session.isOpen()) {
                    ws.session.getRemote().sendString(frame.encode(vsn), written);
                } else {
                    backlog.decrementAndGet();
                }
            } catch (RuntimeException e) {
                written.writeFailed(e);
            }
        }

        synchronized void close(int code, String reason) {
            try {
                ws.closeSession(code, reason);
            } catch (RuntimeException e) {
                LOG.debug("Could not close realtime socket {}", id(), e);
            }
        }
    }

    /** A joined topic: who it acts for (replaced by access_token pushes) and its subscriptions. */
    private static final class Channel {
        private final String topic;
        private final String joinRef;
        private final List<Subscription> subscriptions;
        private volatile TokenIdentities.Caller caller;
        private volatile boolean open = true;

        Channel(String topic, String joinRef, TokenIdentities.Caller caller, List<Subscription> subscriptions) {
            this.topic = topic;
            this.joinRef = joinRef;
            this.caller = caller;
            this.subscriptions = List.copyOf(subscriptions);
        }

        String topic() {
            return topic;
        }

        String name() {
            return topic.substring("realtime:".length());
        }

        TokenIdentities.Caller caller() {
            return caller;
        }

        void setCaller(TokenIdentities.Caller caller) {
            this.caller = caller;
        }

        List<Subscription> subscriptions() {
            return subscriptions;
        }

        boolean isOpen() {
            return open;
        }

        void markClosed() {
            open = false;
        }

        boolean wants(ChangeFeed.Change change) {
            return subscriptions.stream().anyMatch(subscription -> subscription.covers(change));
        }

        PhoenixFrame push(String event, JsonNode payload) {
            return new PhoenixFrame(joinRef, null, topic, event, payload);
        }
    }
}
