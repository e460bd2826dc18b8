package com.fielddesk.supabase.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw TCP server for the failures a real backend cannot be made to show on demand: it accepts
 * connections and then either never answers or drops the connection after reading the request.
 * It counts connections, which is how tests see whether the client sent a request again.
 */
final class MisbehavingServer implements AutoCloseable {

    enum Behaviour { NEVER_ANSWER, DROP_AFTER_REQUEST }

    private final ServerSocket server;
    private final ExecutorService acceptor = Executors.newCachedThreadPool();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    MisbehavingServer(Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor.submit(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    open.add(socket);
                    if (behaviour == Behaviour.DROP_AFTER_REQUEST) {
                        acceptor.submit(() -> dropAfterHeaders(socket));
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private static void dropAfterHeaders(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            int b;
            while (matched < 4 && (b = in.read()) >= 0) {
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            socket.setSoLinger(true, 0); // reset, as a crashing proxy would
        } catch (IOException ignored) {
            // the client went away first; nothing to do
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        acceptor.shutdownNow();
    }
}
