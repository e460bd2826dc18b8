package com.fielddesk.desktop.settings;

import com.fielddesk.desktop.ui.Theme;

import java.nio.file.Path;

/**
 * What the Settings section asks of the console around it (the composition root implements it
 * over the open session and the window): where this user's local copy lives, how many changes on
 * this computer have not reached the server, resetting the copy, signing out, and the theme.
 */
public interface ConsoleControls {

    /** This user's cache file (the local copy of the company's data). */
    Path cacheFile();

    /**
     * Changes made on this computer that the server does not have: queued ones and ones the server
     * refused and that wait for the user. Reads the cache: call it off the FX thread.
     */
    int unsyncedChanges();

    /**
     * Drops this computer's copy and downloads everything again: the console closes the session,
     * deletes the cache file and reopens the remembered session through sign-in, whose first sync
     * fills the new copy. Called on the FX thread.
     */
    void resetLocalCache();

    /** Signs out (the console returns to sign-in). Called on the FX thread. */
    void signOut();

    /** Shows the console in this theme from now on. Called on the FX thread. */
    void applyTheme(Theme theme);
}
