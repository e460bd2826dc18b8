package com.fielddesk.desktop.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay in front of a server that can be told to {@link #hang()}: from then on it keeps
 * every connection open and accepts new ones, but nothing passes either way — a server that stops
 * answering without refusing (no error comes back until the client's own read timeout).
 */
public final class HangingRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final URI target;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "hanging-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean hanging;
    private volatile boolean refusing;

    public HangingRelay(URI target) {
        this.target = target;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::acceptLoop);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** From now on nothing passes; connections stay open. */
    public void hang() {
        hanging = true;
    }

    /**
     * A network that is down with an answer: every open connection is cut and new ones are closed
     * at once (the console sees connection errors, not silence) until {@link #pass()}.
     */
    public void refuse() {
        refusing = true;
        sockets.forEach(HangingRelay::closeQuietly);
        sockets.clear();
    }

    /** The network is back: new connections reach the server again. */
    public void pass() {
        refusing = false;
        hanging = false;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (refusing) {
                    closeQuietly(client);
                    continue;
                }
                sockets.add(client);
                if (hanging) {
                    continue;
                }
                Socket server = new Socket(target.getHost(), target.getPort());
                sockets.add(server);
                threads.execute(() -> pump(client, server));
                threads.execute(() -> pump(server, client));
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (!hanging) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException closed) {
            // One side went away (or the relay closed): the other side's pump ends too.
        } finally {
            if (!hanging) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        sockets.forEach(HangingRelay::closeQuietly);
        threads.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // closing a relay socket that is already closed
        }
    }
}
