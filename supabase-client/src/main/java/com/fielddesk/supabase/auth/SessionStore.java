package com.fielddesk.supabase.auth;

import java.util.Optional;

/** Where a session survives restarts. Implementations must keep it readable only by the user. */
public interface SessionStore {

    Optional<Session> load();

    void save(Session session);

    void clear();
}
