package com.fielddesk.supabase;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fielddesk.supabase.auth.AuthClient;
import com.fielddesk.supabase.auth.Session;
import com.fielddesk.supabase.auth.SessionStatus;
import com.fielddesk.supabase.auth.SessionStore;
import com.fielddesk.supabase.http.HttpCore;
import com.fielddesk.supabase.http.SupabaseJson;
import com.fielddesk.supabase.realtime.RealtimeClient;
import com.fielddesk.supabase.realtime.RealtimeOptions;
import com.fielddesk.supabase.rest.RestClient;
import com.fielddesk.supabase.rest.RpcCall;
import com.fielddesk.supabase.rest.TableRef;
import com.fielddesk.supabase.storage.StorageClient;
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
    private final StorageClient storage;
    private final RealtimeClient realtime;

    public SupabaseClient(SupabaseConfig config, SessionStore sessionStore) {
        this(config, sessionStore, Clock.systemUTC(), SupabaseJson.defaultMapper(), RealtimeOptions.DEFAULT);
    }

    public SupabaseClient(SupabaseConfig config, SessionStore sessionStore, Clock clock, ObjectMapper json,
                          RealtimeOptions realtimeOptions) {
        OkHttpClient okHttp = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.writeTimeout())
                .callTimeout(config.callTimeout())
                .build();
        this.http = new HttpCore(config.url(), config.anonKey(), okHttp, json, config.retryPolicy());
        this.auth = new AuthClient(http, sessionStore, clock, config.refreshMargin());
        this.rest = new RestClient(http, auth, config.schema());
        this.storage = new StorageClient(http, auth);
        this.realtime = new RealtimeClient(config.url(), config.anonKey(), okHttp, json, realtimeOptions,
                auth.currentSession().map(Session::accessToken).orElse(config.anonKey()));
        // Every new session (sign-in, each refresh) reaches the joined realtime channels at once.
        auth.addSessionListener((status, session) -> {
            if (status == SessionStatus.SIGNED_IN) {
                session.ifPresent(current -> realtime.setAccessToken(current.accessToken()));
            } else if (status == SessionStatus.SIGNED_OUT) {
                realtime.setAccessToken(config.anonKey());
            }
        });
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

    public StorageClient storage() {
        return storage;
    }

    /** Not connected until {@link RealtimeClient#connect()}. */
    public RealtimeClient realtime() {
        return realtime;
    }

    public HttpCore http() {
        return http;
    }

    @Override
    public void close() {
        realtime.close();
        OkHttpClient okHttp = http.okHttp();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }
}
