package com.fielddesk.domain.audit;

import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.SupabaseConfig;
import com.fielddesk.supabase.auth.InMemorySessionStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Supabase clients for the audit tests: signed in as a person when {@code url} is the test
 * backend's, never signed in otherwise (an unreachable address stands for "offline"); all closed
 * together after the test.
 */
final class AuditClients implements AutoCloseable {

    private final TestBackend backend;
    private final List<SupabaseClient> clients = new ArrayList<>();

    AuditClients(TestBackend backend) {
        this.backend = backend;
    }

    SupabaseClient signedIn(TestBackend.SignedInUser user, String url) {
        SupabaseClient client = new SupabaseClient(SupabaseConfig.of(url, backend.anonKey()), new InMemorySessionStore());
        clients.add(client);
        if (url.equals(backend.url().toString())) {
            client.auth().signInWithPassword(user.email(), user.password());
        }
        return client;
    }

    @Override
    public void close() {
        clients.forEach(SupabaseClient::close);
    }
}
