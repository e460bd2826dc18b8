package com.fielddesk.cache.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.SessionExpiredException;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.errors.NotAuthenticatedException;
import com.fielddesk.supabase.errors.SupabaseException;

import java.util.Map;

/** {@link FunctionPort} over supabase-client's {@code rpc}: every client error becomes one of the port's three. */
public final class SupabaseFunctionPort implements FunctionPort {

    private final SupabaseClient client;

    public SupabaseFunctionPort(SupabaseClient client) {
        this.client = client;
    }

    @Override
    public JsonNode call(String function, Map<String, Object> arguments) throws RemoteException {
        return translated(() -> client.rpc(function, arguments).returning(JsonNode.class));
    }

    /** A call to the server through supabase-client. */
    @FunctionalInterface
    public interface ClientCall<T> {
        T run();
    }

    /** Runs a supabase-client call, every client error turned into one of the port's three kinds. */
    public static <T> T translated(ClientCall<T> call) throws RemoteException {
        try {
            return call.run();
        } catch (NotAuthenticatedException e) {
            throw new SessionExpiredException(e.getMessage(), e);
        } catch (SupabaseException e) {
            if (e.isRetryable()) {
                throw new RemoteException(e.getMessage(), true, e.retryAfter().orElse(null), e);
            }
            throw new RefusedCallException(e.status(), e.code(), e.getMessage(), e.details(), e.hint(), e);
        } catch (RuntimeException e) {
            // A garbled answer (e.g. a proxy cut the body): nothing can be trusted, as if not reached.
            throw new RemoteException("Unexpected answer from the server: " + e.getMessage(), true, null, e);
        }
    }
}
