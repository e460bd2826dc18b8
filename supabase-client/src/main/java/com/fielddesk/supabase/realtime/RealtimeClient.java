package com.fielddesk.supabase.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.supabase.realtime.RealtimeListener.ConnectionState;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Realtime over one OkHttp WebSocket speaking Phoenix channels, vsn 2.0.0. Sends a heartbeat
 * every interval and treats a heartbeat still unanswered at the next tick as a dead connection;
 * reconnects with backoff and jitter and rejoins every subscribed channel; pushes the new access
 * token to joined channels after each refresh; and, because Realtime does not replay what was
 * missed, signals {@link RealtimeListener#onResyncRequired()} once all channels are back.
 *
 * <p>Threads: socket callbacks (and so channel and listener callbacks) run on OkHttp's WebSocket
 * thread; heartbeats and reconnects on one timer thread owned by this client.
 */
public final class RealtimeClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RealtimeClient.class);

    private final HttpUrl socketUrl;
    private final OkHttpClient http;
    private final ObjectMapper json;
    private final RealtimeOptions options;
    private final ScheduledExecutorService timer;
    private final Map<String, RealtimeChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, Consumer<PhoenixMessage>> pendingReplies = new ConcurrentHashMap<>();
    private final List<RealtimeListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong refs = new AtomicLong();

    private final Object lock = new Object();
    private WebSocket socket;
    private ConnectionState state = ConnectionState.DISCONNECTED;
    private boolean stopped = true;
    private boolean everOpened;
    private int failedAttempts;
    private String pendingHeartbeat;
    private ScheduledFuture<?> heartbeat;
    private ScheduledFuture<?> reconnect;
    private Set<String> awaitingRejoin;
    private volatile String accessToken;

    /**
     * @param baseUrl      the project URL ({@code http://127.0.0.1:54321}); ws/wss is derived by OkHttp
     * @param accessToken  the token to join with now (the user's, or the anon key when signed out)
     */
    public RealtimeClient(HttpUrl baseUrl, String apiKey, OkHttpClient http, ObjectMapper json,
                          RealtimeOptions options, String accessToken) {
        this.socketUrl = baseUrl.newBuilder().addPathSegments("realtime/v1/websocket")
                .addQueryParameter("apikey", apiKey).addQueryParameter("vsn", "2.0.0").build();
        // WebSockets need no overall call timeout; liveness is the heartbeat's job.
        this.http = http.newBuilder().callTimeout(Duration.ZERO).readTimeout(Duration.ZERO).build();
        this.json = json;
        this.options = options;
        this.accessToken = accessToken;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "realtime-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void addListener(RealtimeListener listener) {
        listeners.add(listener);
    }

    public ConnectionState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** Starts connecting (and keeps reconnecting until {@link #disconnect()}). */
    public void connect() {
        synchronized (lock) {
            if (!stopped) {
                return;
            }
            stopped = false;
            open();
        }
    }

    /** A channel named {@code name} (topic {@code realtime:<name>}); the same object for the same name. */
    public RealtimeChannel channel(String name) {
        return channels.computeIfAbsent("realtime:" + name, topic -> new RealtimeChannel(this, topic, json));
    }

    /**
     * Joined channels switch to {@code token} at once; channels the server refused or closed
     * (typically for an expired token) are joined again with it; later joins use it too.
     */
    public void setAccessToken(String token) {
        if (token == null || token.equals(accessToken)) {
            return;
        }
        accessToken = token;
        for (RealtimeChannel channel : channels.values()) {
            if (channel.state() == RealtimeChannel.State.JOINED) {
                ObjectNode payload = json.createObjectNode().put("access_token", token);
                send(new PhoenixMessage(channel.joinRef(), nextRef(), channel.topic(), "access_token", payload));
            } else if (channel.state() == RealtimeChannel.State.ERRORED && channel.isWanted()) {
                joinWhenOpen(channel);
            }
        }
    }

    public void disconnect() {
        synchronized (lock) {
            stopped = true;
            cancelTimers();
            if (socket != null) {
                socket.close(1000, "client disconnect");
                socket = null;
            }
        }
        channels.values().forEach(RealtimeChannel::disconnected);
        setState(ConnectionState.DISCONNECTED);
    }

    @Override
    public void close() {
        disconnect();
        timer.shutdownNow();
    }

    // ---- channel plumbing ----

    void joinWhenOpen(RealtimeChannel channel) {
        synchronized (lock) {
            if (state == ConnectionState.OPEN) {
                join(channel);
            }
        }
    }

    void leave(RealtimeChannel channel) {
        send(new PhoenixMessage(channel.joinRef(), nextRef(), channel.topic(), "phx_leave", json.createObjectNode()));
    }

    void rejoinLater(RealtimeChannel channel) {
        timer.schedule(() -> {
            if (channel.isWanted()) {
                joinWhenOpen(channel);
            }
        }, options.reconnectDelay(0, ThreadLocalRandom.current().nextDouble()).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void join(RealtimeChannel channel) {
        String ref = nextRef();
        channel.joining(ref);
        pendingReplies.put(ref, reply -> {
            channel.joinReplied(reply);
            rejoined(channel);
        });
        send(new PhoenixMessage(ref, ref, channel.topic(), "phx_join", channel.joinPayload(accessToken)));
    }

    private void rejoined(RealtimeChannel channel) {
        boolean allBack;
        synchronized (lock) {
            if (awaitingRejoin == null || !awaitingRejoin.remove(channel.topic())) {
                return;
            }
            allBack = awaitingRejoin.isEmpty();
            if (allBack) {
                awaitingRejoin = null;
            }
        }
        if (allBack) {
            fireResync();
        }
    }

    private boolean send(PhoenixMessage message) {
        WebSocket current;
        synchronized (lock) {
            current = state == ConnectionState.OPEN ? socket : null;
        }
        return current != null && current.send(message.encode(json));
    }

    private String nextRef() {
        return Long.toString(refs.incrementAndGet());
    }

    // ---- connection lifecycle (call with lock held) ----

    private void open() {
        setStateLocked(ConnectionState.CONNECTING);
        socket = http.newWebSocket(new Request.Builder().url(socketUrl).build(), new SocketListener());
    }

    private void opened(WebSocket opened) {
        boolean reconnected;
        synchronized (lock) {
            if (opened != socket) {
                return;
            }
            failedAttempts = 0;
            pendingHeartbeat = null;
            reconnected = everOpened;
            everOpened = true;
            setStateLocked(ConnectionState.OPEN);
            long every = options.heartbeatInterval().toMillis();
            heartbeat = timer.scheduleAtFixedRate(this::heartbeatTick, every, every, TimeUnit.MILLISECONDS);
            Set<String> rejoining = new HashSet<>();
            for (RealtimeChannel channel : channels.values()) {
                if (channel.isWanted()) {
                    rejoining.add(channel.topic());
                    join(channel);
                }
            }
            awaitingRejoin = reconnected && !rejoining.isEmpty() ? rejoining : null;
        }
        notifyState(ConnectionState.OPEN);
        if (reconnected && awaitingRejoinIsEmpty()) {
            fireResync();
        }
    }

    private boolean awaitingRejoinIsEmpty() {
        synchronized (lock) {
            return awaitingRejoin == null;
        }
    }

    private void lost(WebSocket lostSocket, String why) {
        synchronized (lock) {
            if (lostSocket != socket) {
                return;
            }
            socket = null;
            cancelTimers();
            pendingReplies.clear();
            awaitingRejoin = null;
            setStateLocked(ConnectionState.DISCONNECTED);
            if (!stopped) {
                Duration delay = options.reconnectDelay(failedAttempts++, ThreadLocalRandom.current().nextDouble());
                log.info("Realtime connection lost ({}); reconnecting in {} ms", why, delay.toMillis());
                reconnect = timer.schedule(this::reconnectNow, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        channels.values().forEach(RealtimeChannel::disconnected);
        notifyState(ConnectionState.DISCONNECTED);
    }

    private void reconnectNow() {
        boolean opening;
        synchronized (lock) {
            opening = !stopped && socket == null;
            if (opening) {
                open();
            }
        }
        if (opening) {
            notifyState(ConnectionState.CONNECTING);
        }
    }

    private void heartbeatTick() {
        WebSocket current;
        synchronized (lock) {
            current = socket;
            if (current == null) {
                return;
            }
            if (pendingHeartbeat != null) {
                log.info("Realtime heartbeat {} unanswered; dropping the connection", pendingHeartbeat);
                pendingHeartbeat = null;
            } else {
                pendingHeartbeat = nextRef();
                current.send(new PhoenixMessage(null, pendingHeartbeat, PhoenixMessage.PHOENIX_TOPIC, "heartbeat",
                        json.createObjectNode()).encode(json));
                return;
            }
        }
        current.cancel(); // OkHttp then reports a failure, which reconnects
    }

    private void received(String text) {
        PhoenixMessage message;
        try {
            message = PhoenixMessage.decode(json, text);
        } catch (IllegalArgumentException malformed) {
            log.warn("Ignoring malformed realtime frame: {}", malformed.getMessage());
            return;
        }
        if ("phx_reply".equals(message.event())) {
            if (PhoenixMessage.PHOENIX_TOPIC.equals(message.topic())) {
                synchronized (lock) {
                    if (message.ref() != null && message.ref().equals(pendingHeartbeat)) {
                        pendingHeartbeat = null;
                    }
                }
                return;
            }
            Consumer<PhoenixMessage> waiting = message.ref() == null ? null : pendingReplies.remove(message.ref());
            if (waiting != null) {
                waiting.accept(message);
            }
            return;
        }
        RealtimeChannel channel = channels.get(message.topic());
        if (channel != null) {
            channel.handle(message);
        }
    }

    private void cancelTimers() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
        if (reconnect != null) {
            reconnect.cancel(false);
            reconnect = null;
        }
    }

    private void setState(ConnectionState newState) {
        synchronized (lock) {
            setStateLocked(newState);
        }
        notifyState(newState);
    }

    private void setStateLocked(ConnectionState newState) {
        state = newState;
    }

    private void notifyState(ConnectionState newState) {
        for (RealtimeListener listener : listeners) {
            try {
                listener.onConnectionStateChanged(newState);
            } catch (RuntimeException listenerBug) {
                log.warn("Realtime listener failed", listenerBug);
            }
        }
    }

    private void fireResync() {
        log.info("Realtime reconnected and rejoined; resync required");
        for (RealtimeListener listener : listeners) {
            try {
                listener.onResyncRequired();
            } catch (RuntimeException listenerBug) {
                log.warn("Realtime listener failed", listenerBug);
            }
        }
    }

    private final class SocketListener extends WebSocketListener {
        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            opened(webSocket);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            received(text);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            lost(webSocket, "closed by server: " + code + " " + reason);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            lost(webSocket, "closed: " + code);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
            lost(webSocket, failure.toString());
        }
    }

}
