package com.fielddesk.supabase.realtime;

import java.time.Duration;
import java.util.List;

/**
 * Heartbeat interval (a heartbeat still unanswered at the next tick means the connection is dead)
 * and the reconnect delays, used in turn and then the last one forever, each with ±25 % jitter.
 */
public record RealtimeOptions(Duration heartbeatInterval, List<Duration> reconnectDelays) {

    public static final RealtimeOptions DEFAULT = new RealtimeOptions(Duration.ofSeconds(15),
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)));

    public RealtimeOptions {
        if (reconnectDelays.isEmpty()) {
            throw new IllegalArgumentException("at least one reconnect delay is needed");
        }
        reconnectDelays = List.copyOf(reconnectDelays);
    }

    Duration reconnectDelay(int failedAttempts, double random) {
        Duration base = reconnectDelays.get(Math.min(failedAttempts, reconnectDelays.size() - 1));
        return Duration.ofMillis(Math.round(base.toMillis() * (0.75 + 0.5 * random)));
    }
}
