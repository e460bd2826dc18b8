package com.fielddesk.localbackend.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.http.Json;
import com.fielddesk.localbackend.testing.TestBackend;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/** A raw Phoenix 2.0.0 socket on the test backend, collecting every frame it receives. */
final class PhoenixTestSocket implements WebSocket.Listener, AutoCloseable {

    private final List<PhoenixFrame> frames = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean closed;
    private WebSocket socket;

    static PhoenixTestSocket open(TestBackend backend, String apiKey) {
        return open(backend.url(), apiKey);
    }

    static PhoenixTestSocket open(URI server, String apiKey) {
        PhoenixTestSocket listener = new PhoenixTestSocket();
        URI uri = URI.create(server.toString().replace("http://", "ws://") + RealtimeServer.PATH
                + "?vsn=2.0.0" + (apiKey == null ? "" : "&apikey=" + apiKey));
        listener.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, listener).join();
        return listener;
    }

    void send(String joinRef, String ref, String topic, String event, Object payload) {
        socket.sendText(Json.write(java.util.Arrays.asList(joinRef, ref, topic, event, payload)), true).join();
    }

    /** Waits (with a deadline) for the first frame matching, failing with everything received so far. */
    PhoenixFrame await(Predicate<PhoenixFrame> matching, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        synchronized (frames) {
            while (true) {
                Optional<PhoenixFrame> found = frames.stream().filter(matching).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Timed out waiting for " + what + "; received " + frames);
                }
                frames.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    void awaitClosed() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        synchronized (frames) {
            while (!closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("The server did not close the socket");
                }
                frames.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    boolean isClosed() {
        return closed;
    }

    List<PhoenixFrame> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            PhoenixFrame frame = PhoenixFrame.decode(partial.toString(), PhoenixFrame.Vsn.V2);
            partial.setLength(0);
            synchronized (frames) {
                frames.add(frame);
                frames.notifyAll();
            }
        }
        webSocket.request(1);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        markClosed();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        markClosed();
    }

    private void markClosed() {
        synchronized (frames) {
            closed = true;
            frames.notifyAll();
        }
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }
}
