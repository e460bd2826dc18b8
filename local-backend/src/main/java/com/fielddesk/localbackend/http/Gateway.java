package com.fielddesk.localbackend.http;

import com.fielddesk.localbackend.auth.ProjectKeys;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * The HTTP front of local-backend, playing the part of Supabase's API gateway: one Javalin
 * server on 127.0.0.1 that refuses requests without a project API key, answers CORS
 * preflights, turns {@link ApiError}s into responses and never leaks an internal error's text.
 * Route groups ({@link ApiRoutes}) plug in behind it.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final String ALLOWED_HEADERS = "authorization, x-client-info, apikey, content-type, prefer, "
            + "accept-profile, content-profile, range, range-unit, x-supabase-api-version, x-upsert, cache-control";

    private final Javalin app;
    /** The port {@link #start} was asked for; the connector reads it when Javalin starts Jetty. */
    private volatile int requestedPort;

    public Gateway(ProjectKeys keys, List<ApiRoutes> routeGroups) {
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            // Each route group enforces its own body limit while reading; this is only the outer bound.
            config.http.maxRequestSize = 1L << 30;
            config.router.ignoreTrailingSlashes = true;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            // Javalin's own connector, but with connections that answer every malformed request with 4xx.
            config.jetty.addConnector((server, httpConfiguration) -> {
                ServerConnector connector = new ServerConnector(server, new ClientErrorConnectionFactory(httpConfiguration));
                connector.setHost("127.0.0.1");
                connector.setPort(requestedPort);
                return connector;
            });
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JsonErrorHandler()));
            // No permessage-deflate on the Realtime socket, as hosted Supabase (Phoenix's default,
            // compress: false): every event would otherwise be compressed once per subscriber, which
            // cost more CPU than everything else in the fan-out. The set is Jetty's live registry view.
            config.jetty.modifyWebSocketServletFactory(factory ->
                    factory.getAvailableExtensionNames().remove("permessage-deflate"));
        });
        app.before(ctx -> {
            ctx.header("Access-Control-Allow-Origin", "*");
            requireUtf8Url(ctx);
            if (ctx.method() == HandlerType.OPTIONS || isSignedStorageUrl(ctx)) {
                return;
            }
            requireApiKey(ctx, keys);
        });
        app.options("/*", ctx -> {
            ctx.header("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
            ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            ctx.header("Access-Control-Expose-Headers", "content-range, preference-applied, location, x-supabase-api-version");
            ctx.status(204);
        });
        app.exception(ApiError.class, (error, ctx) -> write(ctx, error));
        app.exception(RequestBodies.NotUtf8.class, (error, ctx) -> write(ctx, GatewayErrors.invalidBodyText()));
        app.exception(HttpResponseException.class, (error, ctx) -> write(ctx, refusal(error, ctx)));
        app.exception(Exception.class, (error, ctx) -> {
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), error);
            ctx.status(500).contentType(Json.CONTENT_TYPE)
                    .result("{\"code\":\"XX000\",\"details\":null,\"hint\":null,\"message\":\"Internal server error\"}");
        });
        for (ApiRoutes group : routeGroups) {
            group.register(app);
        }
    }

    public static void write(Context ctx, ApiError error) {
        error.headers().forEach(ctx::header);
        ctx.status(error.status()).contentType(Json.CONTENT_TYPE).result(error.jsonBody());
    }

    /** Javalin's own refusals (no such route, method not served) in the gateway's JSON shape. */
    private static ApiError refusal(HttpResponseException error, Context ctx) {
        if (ctx.method() == HandlerType.INVALID) {
            // A method Javalin does not know at all (e.g. FROB): PostgREST's PGRST117.
            return GatewayErrors.unsupportedMethod(ctx.req().getMethod());
        }
        return error.getStatus() == 404 ? GatewayErrors.invalidPath()
                : GatewayErrors.ofStatus(error.getStatus(), error.getMessage());
    }

    /**
     * Refuses a path or query string whose percent escapes are malformed or do not decode to
     * UTF-8: Javalin would otherwise fail on the first (500) and turn the second into U+FFFD.
     */
    private static void requireUtf8Url(Context ctx) {
        String rawPath = ctx.req().getRequestURI();
        if (rawPath != null && StrictText.percentDecode(rawPath, false).isEmpty()) {
            throw GatewayErrors.badPath("The path has a malformed percent escape or is not UTF-8");
        }
        String rawQuery = ctx.queryString();
        if (rawQuery != null && StrictText.percentDecode(rawQuery, true).isEmpty()) {
            throw GatewayErrors.badQueryString("The query string has a malformed percent escape or is not UTF-8");
        }
    }

    /** Signed Storage URLs are shared links: their token authorises them, as on hosted Supabase. */
    private static boolean isSignedStorageUrl(Context ctx) {
        return ctx.method() == HandlerType.GET && ctx.path().startsWith("/storage/v1/object/sign/");
    }

    private static void requireApiKey(Context ctx, ProjectKeys keys) {
        String apiKey = ctx.header("apikey");
        if (apiKey == null || apiKey.isBlank()) {
            apiKey = ctx.queryParam("apikey");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new ApiError(401, Json.write(Map.of("message", "No API key found in request",
                    "hint", "No `apikey` request header or url param was found.")));
        }
        if (!apiKey.equals(keys.anonKey()) && !apiKey.equals(keys.serviceRoleKey())) {
            throw new ApiError(401, Json.write(Map.of("message", "Invalid API key",
                    "hint", "Double check your Supabase `anon` or `service_role` API key.")));
        }
    }

    /** Starts serving on 127.0.0.1; 0 picks a free port. Returns the port. */
    public int start(int port) {
        requestedPort = port;
        app.start();
        return app.port();
    }

    public Javalin javalin() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
    }
}
