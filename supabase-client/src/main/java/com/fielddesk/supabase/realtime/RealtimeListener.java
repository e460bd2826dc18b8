package com.fielddesk.supabase.realtime;

/**
 * Connection-level news. Called on an OkHttp WebSocket thread or the realtime timer thread:
 * return quickly and hand work off.
 */
public interface RealtimeListener {

    enum ConnectionState { CONNECTING, OPEN, DISCONNECTED }

    default void onConnectionStateChanged(ConnectionState state) {
    }

    /**
     * The connection came back and every channel has rejoined. Realtime does not replay what was
     * missed while disconnected, so pull changes from the server now.
     */
    default void onResyncRequired() {
    }
}
