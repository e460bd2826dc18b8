package com.fielddesk.localbackend.http;

import io.javalin.Javalin;

/**
 * One group of gateway routes (auth, rest, storage, realtime). Each group registers its own
 * handlers under its prefix; the {@link Gateway} applies the rules every route shares.
 */
public interface ApiRoutes {

    void register(Javalin app);
}
