package com.fielddesk.cache.remote;

/** The session could not be refreshed: the user must sign in again. Sync stops until then. */
public class SessionExpiredException extends RemoteException {
    public SessionExpiredException(String message, Throwable cause) {
        super(message, false, null, cause);
    }
}
