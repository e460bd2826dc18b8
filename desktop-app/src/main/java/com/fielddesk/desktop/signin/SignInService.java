package com.fielddesk.desktop.signin;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Opens a console session: starts the workspace if it is the Local demo, signs in, opens the
 * user's cache and, the first time, fills it (first sync). Blocking; the sign-in screen runs it
 * as a background task and shows its progress.
 *
 * @param <S> the opened session (the composition root's type)
 */
public interface SignInService<S> {

    /** @param progress told each step (on the calling thread, often and from below: hand it over, coalesced) */
    S signIn(Workspace workspace, String email, String password, Consumer<SignInProgress> progress) throws SignInException;

    /** Reopens the remembered session of the workspace, if there is one that is still good. */
    Optional<S> resume(Workspace workspace, Consumer<SignInProgress> progress) throws SignInException;
}
