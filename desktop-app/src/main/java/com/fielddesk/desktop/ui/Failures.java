package com.fielddesk.desktop.ui;

import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.SessionExpiredException;
import com.fielddesk.cache.store.CacheException;
import com.fielddesk.supabase.errors.NetworkException;
import com.fielddesk.supabase.errors.NotAuthenticatedException;
import com.fielddesk.supabase.errors.RequestTimeoutException;
import com.fielddesk.supabase.errors.ServerUnavailableException;
import com.fielddesk.supabase.errors.SupabaseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place a failure becomes what the user reads: a {@link Notice} with one plain sentence,
 * the technical text only as its details. A refusal from the server is told by its code
 * ({@link ServerRefusal}); a failure that explains itself ({@link ExplainedFailure}) keeps its
 * sentence; anything else says that something went wrong without showing an exception message.
 */
public final class Failures {

    static final String CANNOT_REACH_SERVER = "Cannot reach the server. Check the connection; "
            + "the console keeps working from this computer's copy.";
    static final String SESSION_ENDED = "Your session has ended. Sign in again to continue.";
    static final String LOCAL_COPY_FAILED = "Could not read or write this computer's copy of your data. "
            + "Restart the console; if it happens again, tell support.";
    static final String FILE_FAILED = "Could not read or write a file on this computer.";
    static final String UNEXPECTED = "Something went wrong. The details are in the log.";

    private Failures() {
    }

    public static Notice notice(Throwable failure) {
        Throwable cause = unwrapped(failure);
        if (cause instanceof ExplainedFailure explained) {
            return Notice.warning(explained.sentence()).withDetails(explained.technicalDetails().orElse(null));
        }
        if (cause instanceof NotAuthenticatedException || cause instanceof SessionExpiredException) {
            return Notice.warning(SESSION_ENDED).withDetails(cause.toString());
        }
        if (cause instanceof NetworkException || cause instanceof RequestTimeoutException
                || cause instanceof ServerUnavailableException) {
            return Notice.warning(CANNOT_REACH_SERVER).withDetails(cause.toString());
        }
        if (cause instanceof SupabaseException refused) {
            ServerRefusal refusal = ServerRefusal.of(refused);
            return Notice.warning(refusal.sentence()).withDetails(refusal.details());
        }
        if (cause instanceof RemoteException remote) {
            return remote.isRetryable() ? Notice.warning(CANNOT_REACH_SERVER).withDetails(remote.toString())
                    : Notice.warning("The server refused this request.").withDetails(remote.toString());
        }
        if (cause instanceof CacheException) {
            return Notice.error(LOCAL_COPY_FAILED).withDetails(cause.toString());
        }
        if (cause instanceof IOException || cause instanceof UncheckedIOException) {
            return Notice.error(FILE_FAILED).withDetails(cause.toString());
        }
        return Notice.error(UNEXPECTED).withDetails(String.valueOf(cause));
    }

    /** What failed, then why: {@code notice("Could not read the lead pool.", e)}. */
    public static Notice notice(String whatFailed, Throwable failure) {
        return notice(failure).prefixed(whatFailed);
    }

    public static String sentence(Throwable failure) {
        return notice(failure).sentence();
    }

    /** What failed, then why, as one line: {@code sentence("Could not read the lead pool.", e)}. */
    public static String sentence(String whatFailed, Throwable failure) {
        return notice(whatFailed, failure).sentence();
    }

    /** The failure a wrapper (a future, a reflective call) carries. */
    private static Throwable unwrapped(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof InvocationTargetException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
