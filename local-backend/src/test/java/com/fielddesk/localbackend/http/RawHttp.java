package com.fielddesk.localbackend.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 written byte by byte, for requests {@link java.net.http.HttpClient} refuses to send
 * (invalid UTF-8 in a URL or header, a malformed request line, odd methods). One request per
 * connection ({@code Connection: close}), the whole answer read until the server closes.
 */
public final class RawHttp {

    /** A parsed answer: status, the Content-Type header (or null) and the body as text. */
    public record Answer(int status, String contentType, String body) {
    }

    private RawHttp() {
    }

    /** {@code head} is the request line and headers without the blank line; Content-Length is added for a body. */
    public static Answer exchange(URI server, String head, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        return exchangeBytes(server, request.toByteArray(), body);
    }

    /** Like {@link #exchange} with a head given as raw bytes (e.g. invalid UTF-8 in the URL). */
    public static Answer exchangeBytes(URI server, byte[] head, byte[] body) {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(30_000);
            String tail = "\r\nHost: " + server.getHost() + ":" + server.getPort() + "\r\nConnection: close\r\n"
                    + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head);
                out.write(tail.getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException refusedWhileSending) {
                // The server may answer an oversized request and close before reading all of it;
                // its answer is still there to read.
            }
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
            throw new IllegalStateException("Not an HTTP answer: " + text);
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        String contentType = null;
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).strip();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        String body = text.substring(headEnd + 4);
        return new Answer(status, contentType, chunked ? dechunk(body) : body);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
