package com.fielddesk.supabase.auth;

import java.util.Optional;

/**
 * Told about every status change and every new session (a refresh yields SIGNED_IN with the new
 * session). Called on the thread that caused the change — a request thread or the auto-refresh
 * timer — never on a UI thread; hand off to the UI yourself.
 */
@FunctionalInterface
public interface SessionListener {
    void onSessionChanged(SessionStatus status, Optional<Session> session);
}
