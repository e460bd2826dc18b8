package com.fielddesk.supabase.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One Realtime channel ({@code realtime:<name>}) with its postgres_changes bindings. Add bindings,
 * then {@link #subscribe()}; after a reconnect the client rejoins it with the same bindings.
 * Callbacks run on the OkHttp WebSocket thread: keep them short.
 */
public final class RealtimeChannel {

    private static final Logger log = LoggerFactory.getLogger(RealtimeChannel.class);

    public enum State { CLOSED, JOINING, JOINED, ERRORED }

    private record Binding(PostgresChangesFilter filter, Consumer<PostgresChangeEvent> listener) {
    }

    private final RealtimeClient client;
    private final String topic;
    private final ObjectMapper json;
    private final List<Binding> bindings = new CopyOnWriteArrayList<>();
    private final List<Consumer<State>> stateListeners = new CopyOnWriteArrayList<>();
    private volatile List<Long> serverIds = List.of();
    private volatile State state = State.CLOSED;
    private volatile boolean wanted;
    private volatile String joinRef;

    RealtimeChannel(RealtimeClient client, String topic, ObjectMapper json) {
        this.client = client;
        this.topic = topic;
        this.json = json;
    }

    public String topic() {
        return topic;
    }

    public State state() {
        return state;
    }

    /** Listens to row changes; must be added before {@link #subscribe()}. */
    public RealtimeChannel onPostgresChanges(PostgresChangesFilter filter, Consumer<PostgresChangeEvent> listener) {
        if (wanted) {
            throw new IllegalStateException("add bindings before subscribe()");
        }
        bindings.add(new Binding(filter, listener));
        return this;
    }

    public RealtimeChannel onStateChanged(Consumer<State> listener) {
        stateListeners.add(listener);
        return this;
    }

    /** Joins now if connected, otherwise as soon as the connection opens. */
    public RealtimeChannel subscribe() {
        wanted = true;
        client.joinWhenOpen(this);
        return this;
    }

    public void unsubscribe() {
        wanted = false;
        client.leave(this);
        changeState(State.CLOSED);
    }

    // ---- called by RealtimeClient ----

    boolean isWanted() {
        return wanted;
    }

    String joinRef() {
        return joinRef;
    }

    ObjectNode joinPayload(String accessToken) {
        ObjectNode payload = json.createObjectNode();
        ObjectNode config = payload.putObject("config");
        config.putObject("broadcast").put("ack", false).put("self", false);
        config.putObject("presence").put("key", "");
        ArrayNode changes = config.putArray("postgres_changes");
        bindings.forEach(binding -> changes.add(binding.filter().toJson(json)));
        config.put("private", false);
        if (accessToken != null) {
            payload.put("access_token", accessToken);
        }
        return payload;
    }

    void joining(String ref) {
        joinRef = ref;
        changeState(State.JOINING);
    }

    /** The join reply: on ok, remember the id the server gave each binding, in order. */
    void joinReplied(PhoenixMessage reply) {
        if (!"ok".equals(reply.replyStatus())) {
            log.warn("Joining {} refused: {}", topic, reply.replyResponse());
            changeState(State.ERRORED);
            return;
        }
        JsonNode echoed = reply.replyResponse().path("postgres_changes");
        serverIds = java.util.stream.StreamSupport.stream(echoed.spliterator(), false)
                .map(entry -> entry.path("id").asLong())
                .toList();
        changeState(State.JOINED);
    }

    void disconnected() {
        if (state != State.CLOSED) {
            changeState(wanted ? State.JOINING : State.CLOSED);
        }
    }

    void handle(PhoenixMessage message) {
        switch (message.event()) {
            case "postgres_changes" -> dispatch(message.payload());
            case "system" -> {
                if ("error".equals(message.payload().path("status").asText())) {
                    log.warn("Realtime reports a problem on {}: {}", topic, message.payload());
                    changeState(State.ERRORED);
                }
            }
            case "phx_error" -> {
                changeState(State.ERRORED);
                client.rejoinLater(this);
            }
            case "phx_close" -> {
                // The server closed a channel we still want (e.g. its token expired): join again,
                // with the newest token, after a pause.
                changeState(wanted ? State.ERRORED : State.CLOSED);
                if (wanted) {
                    client.rejoinLater(this);
                }
            }
            default -> log.debug("Ignoring {} on {}", message.event(), topic);
        }
    }

    private void dispatch(JsonNode payload) {
        PostgresChangeEvent event = PostgresChangeEvent.fromPayload(payload.path("data"), json);
        JsonNode ids = payload.path("ids");
        for (int i = 0; i < bindings.size(); i++) {
            Binding binding = bindings.get(i);
            boolean addressed = ids.isArray() && i < serverIds.size()
                    ? containsId(ids, serverIds.get(i))
                    : matches(binding.filter(), event);
            if (addressed) {
                try {
                    binding.listener().accept(event);
                } catch (RuntimeException listenerBug) {
                    log.warn("postgres_changes listener on {} failed", topic, listenerBug);
                }
            }
        }
    }

    private static boolean containsId(JsonNode ids, long id) {
        for (JsonNode candidate : ids) {
            if (candidate.asLong() == id) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(PostgresChangesFilter filter, PostgresChangeEvent event) {
        return filter.schema().equals(event.schema()) && filter.table().equals(event.table())
                && (filter.event() == ChangeType.ALL || filter.event() == event.type());
    }

    private void changeState(State newState) {
        if (state == newState) {
            return;
        }
        state = newState;
        for (Consumer<State> listener : stateListeners) {
            listener.accept(newState);
        }
    }
}
