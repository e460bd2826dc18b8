package com.fielddesk.cache.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.cache.remote.RemoteException;

import java.util.Map;

/**
 * The server's functions (PostgREST {@code rpc/<name>}) as {@link ServerFunctions} needs them.
 * Implemented over supabase-client by {@link SupabaseFunctionPort}; tests may use another.
 * Failures: {@link com.fielddesk.cache.remote.SessionExpiredException} (sign in again), a
 * retryable {@link RemoteException} (not reached), {@link RefusedCallException} (the server said no).
 */
public interface FunctionPort {

    /** Calls the function as the signed-in user; its JSON result (null for none). */
    JsonNode call(String function, Map<String, Object> arguments) throws RemoteException;
}
