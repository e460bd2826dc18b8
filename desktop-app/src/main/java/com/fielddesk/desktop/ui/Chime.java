package com.fielddesk.desktop.ui;

/** A short sound for news the user should not miss (a new lead). Never blocks; never fails loudly. */
@FunctionalInterface
public interface Chime {

    void play();

    Chime SILENT = () -> { };
}
