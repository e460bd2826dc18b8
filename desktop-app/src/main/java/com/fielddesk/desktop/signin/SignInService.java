package com.fielddesk.desktop.signin;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Opens a console session: starts the workspace if it is the Local demo, signs in, and opens
 * the user's cache. Blocking; the sign-in screen runs it as a background task.
 *
 * @param <S> the opened session (the composition root's type)
 */
public interface SignInService<S> {

    S signIn(Workspace workspace, String email, String password, Consumer<String> progress) throws SignInException;

    /** Reopens the remembered session of the workspace, if there is one that is still good. */
    Optional<S> resume(Workspace workspace, Consumer<String> progress) throws SignInException;
}
