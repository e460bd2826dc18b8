package com.fielddesk.cache.testing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy between the client and the local-backend that misbehaves on purpose, driven by a
 * seeded random: it drops requests before they reach the server, drops answers after the server
 * acted (so the client cannot know a write happened), answers 502/503 itself or after forwarding,
 * delays, and replays requests (the server sees them twice). It can also go fully offline.
 */
public final class FaultProxy implements AutoCloseable {

    public enum Fault { NONE, DROP_REQUEST, DROP_RESPONSE, UNAVAILABLE, BAD_GATEWAY_AFTER_FORWARD, DELAY, REPLAY }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "keep-alive", "expect");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI target;
    private final Random random;
    private volatile double faultRate;
    private volatile boolean offline;
    private final Map<Fault, AtomicInteger> injected = new ConcurrentHashMap<>();

    public FaultProxy(URI target, long seed) throws IOException {
        this.target = target;
        this.random = new Random(seed);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Share of requests that get a fault (0 = a clean pipe). */
    public void setFaultRate(double rate) {
        this.faultRate = rate;
    }

    public void setOffline(boolean offline) {
        this.offline = offline;
    }

    public int injected(Fault fault) {
        return injected.computeIfAbsent(fault, f -> new AtomicInteger()).get();
    }

    private Fault nextFault() {
        synchronized (random) {
            if (random.nextDouble() >= faultRate) {
                return Fault.NONE;
            }
            Fault[] faults = Fault.values();
            return faults[1 + random.nextInt(faults.length - 1)];
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (offline) {
                abort(exchange);
                return;
            }
            Fault fault = nextFault();
            injected.computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
            switch (fault) {
                case DROP_REQUEST -> abort(exchange);
                case UNAVAILABLE -> respond(exchange, 503, Map.of("Retry-After", List.of("0")),
                        "{\"message\":\"injected: service unavailable\"}".getBytes(StandardCharsets.UTF_8));
                case DELAY -> {
                    sleep(50 + randomInt(250));
                    forwardAndRespond(exchange, body);
                }
                case DROP_RESPONSE -> {
                    forward(exchange, body);
                    abort(exchange);
                }
                case BAD_GATEWAY_AFTER_FORWARD -> {
                    forward(exchange, body);
                    respond(exchange, 502, Map.of(), "{\"message\":\"injected: bad gateway\"}".getBytes(StandardCharsets.UTF_8));
                }
                case REPLAY -> {
                    forward(exchange, body);
                    forwardAndRespond(exchange, body);
                }
                case NONE -> forwardAndRespond(exchange, body);
            }
        } catch (IOException | InterruptedException e) {
            abort(exchange);
        }
    }

    private int randomInt(int bound) {
        synchronized (random) {
            return random.nextInt(bound);
        }
    }

    private void forwardAndRespond(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = forward(exchange, body);
        respond(exchange, response.statusCode(), response.headers().map(), response.body());
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        URI uri = target.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void respond(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        headers.forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        boolean noBody = status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length == 0 ? -1 : body.length);
        if (!noBody && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Closes the connection without an answer: to the client it looks like a reset. */
    private static void abort(HttpExchange exchange) {
        try {
            exchange.getResponseBody().close();
        } catch (IOException ignored) {
            // the connection is being torn down on purpose
        }
        exchange.close();
    }

    private static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
