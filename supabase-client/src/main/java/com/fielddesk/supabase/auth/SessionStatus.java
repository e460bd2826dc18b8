package com.fielddesk.supabase.auth;

/** What the app may do right now with its session. */
public enum SessionStatus {
    /** No session: show the sign-in screen. */
    SIGNED_OUT,
    /** A valid session; requests carry its access token. */
    SIGNED_IN,
    /** The access token is being exchanged for a new one (one refresh at a time). */
    REFRESHING,
    /** Auth definitively refused the refresh token (revoked, reused, user gone): the session is over; sign in again. */
    REFRESH_FAILED,
    /** A session is cached but Auth could not be reached to renew it: work from the cache, retry later. */
    OFFLINE_WITH_CACHED_SESSION
}
