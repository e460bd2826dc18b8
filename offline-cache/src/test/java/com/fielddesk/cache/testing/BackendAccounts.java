package com.fielddesk.cache.testing;

import com.fielddesk.cache.http.SupabaseRemoteTables;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.SupabaseConfig;
import com.fielddesk.supabase.auth.InMemorySessionStore;

import java.net.URI;

/** Signs tenant users in on the shared running local-backend. */
public final class BackendAccounts {

    private BackendAccounts() {
    }

    /** Gives the user a password (returned) so the client and the CLI can sign in. */
    public static String password(TestBackend backend, Tenant tenant, Tenant.User user) {
        return backend.signInAs(new TenantFixtures.AppUser(user.id(), user.email(), tenant.companyId(), user.role()))
                .password();
    }

    /** A supabase-client signed in as the user, talking to {@code url} (the backend or a proxy in front of it). */
    public static SupabaseClient signedInClient(URI url, String anonKey, Tenant.User user, String password) {
        SupabaseClient client = new SupabaseClient(SupabaseConfig.of(url.toString(), anonKey), new InMemorySessionStore());
        client.auth().signInWithPassword(user.email(), password);
        return client;
    }

    public static SupabaseRemoteTables remote(SupabaseClient client) {
        return new SupabaseRemoteTables(client);
    }
}
