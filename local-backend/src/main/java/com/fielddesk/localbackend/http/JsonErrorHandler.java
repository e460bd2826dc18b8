package com.fielddesk.localbackend.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's own refusals (malformed request line, URI too long, headers too large, ambiguous
 * path, ...) in the gateway's JSON shape instead of Jetty's HTML page, for every method.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final HttpField JSON_TYPE = new HttpField(HttpHeader.CONTENT_TYPE, Json.CONTENT_TYPE);

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON_TYPE);
        return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(Json.CONTENT_TYPE);
        byte[] body = body(code, message).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String body(int status, String reason) {
        String standard = HttpStatus.getMessage(status);
        boolean informative = reason != null && !reason.isBlank() && !reason.equals(standard);
        return GatewayErrors.body("PGRST" + status, standard, informative ? reason : null);
    }
}
