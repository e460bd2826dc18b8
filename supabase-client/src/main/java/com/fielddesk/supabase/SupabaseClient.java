package com.fielddesk.supabase;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fielddesk.supabase.auth.AuthClient;
import com.fielddesk.supabase.auth.SessionStore;
import com.fielddesk.supabase.http.HttpCore;
import com.fielddesk.supabase.http.SupabaseJson;
import com.fielddesk.supabase.rest.RestClient;
import com.fielddesk.supabase.rest.RpcCall;
import com.fielddesk.supabase.rest.TableRef;
import okhttp3.OkHttpClient;

import java.time.Clock;

/**
 * The parts of one Supabase project over one authenticated HTTP core: {@link #auth()},
 * {@link #rest()} (also {@link #from(String)} and {@link #rpc(String, Object)}), storage and
 * realtime. Create one per workspace in the composition root and {@link #close()} it on exit.
 */
public final class SupabaseClient implements AutoCloseable {

    private final HttpCore http;
    private final AuthClient auth;
    private final RestClient rest;

    public SupabaseClient(SupabaseConfig config, SessionStore sessionStore) {
        this(config, sessionStore, Clock.systemUTC(), SupabaseJson.defaultMapper());
    }

    public SupabaseClient(SupabaseConfig config, SessionStore sessionStore, Clock clock, ObjectMapper json) {
        OkHttpClient okHttp = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.writeTimeout())
                .callTimeout(config.callTimeout())
                .build();
        this.http = new HttpCore(config.url(), config.anonKey(), okHttp, json, config.retryPolicy());
        this.auth = new AuthClient(http, sessionStore, clock, config.refreshMargin());
        this.rest = new RestClient(http, auth, config.schema());
    }

    public AuthClient auth() {
        return auth;
    }

    public RestClient rest() {
        return rest;
    }

    public TableRef from(String table) {
        return rest.from(table);
    }

    public RpcCall rpc(String function, Object namedArguments) {
        return rest.rpc(function, namedArguments);
    }

    public HttpCore http() {
        return http;
    }

    @Override
    public void close() {
        OkHttpClient okHttp = http.okHttp();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }
}
