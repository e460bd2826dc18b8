package com.fielddesk.supabase.auth;

import java.util.Optional;

/** Keeps the session for the life of the process only (tests, "don't remember me"). */
public final class InMemorySessionStore implements SessionStore {

    private volatile Session session;

    @Override
    public Optional<Session> load() {
        return Optional.ofNullable(session);
    }

    @Override
    public void save(Session newSession) {
        this.session = newSession;
    }

    @Override
    public void clear() {
        this.session = null;
    }
}
