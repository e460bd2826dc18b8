package com.fielddesk.localbackend.http;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads request bodies with a size cap, refusing larger ones with 413 before they are buffered. */
public final class RequestBodies {

    static final String NOT_UTF8 = "The request body is not valid UTF-8";

    private final long maxBytes;

    public RequestBodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The body as UTF-8 text, refusing bytes that are not UTF-8 ({@link NotUtf8}) instead of
     * storing replacement characters; each service renders that refusal in its own dialect.
     */
    public String readText(Context ctx) {
        return StrictText.decodeUtf8(readBytes(ctx)).orElseThrow(NotUtf8::new);
    }

    /** A request body that is not valid UTF-8. */
    public static final class NotUtf8 extends RuntimeException {
        NotUtf8() {
            super(NOT_UTF8, null, false, false);
        }
    }

    public byte[] readBytes(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the request body", e);
        }
    }

    private ApiError tooLarge() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "PGRST413");
        body.put("message", "Request body too large");
        body.put("details", "The request body may be at most " + maxBytes + " bytes");
        body.put("hint", null);
        return new ApiError(413, Json.write(body));
    }
}
