package com.fielddesk.supabase.http;

import java.util.Optional;

/** Supplies the user's access token for the Authorization header; implemented by the auth part. */
public interface BearerTokenSource {

    /** No user: requests carry the anon key as their bearer token. */
    BearerTokenSource ANONYMOUS = new BearerTokenSource() {
        @Override
        public Optional<String> currentAccessToken() {
            return Optional.empty();
        }

        @Override
        public Optional<String> renewAfterRejection(String rejectedToken) {
            return Optional.empty();
        }
    };

    /** The token to send now (refreshed first when it is about to expire), or empty when signed out. */
    Optional<String> currentAccessToken();

    /**
     * The server answered 401 to {@code rejectedToken}: refresh the session (at most one refresh
     * however many callers report the same token) and return the new token, or empty when there is
     * no session to refresh. Throws when the refresh itself fails.
     */
    Optional<String> renewAfterRejection(String rejectedToken);
}
