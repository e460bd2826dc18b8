package com.fielddesk.desktop.settings;

/**
 * Brings the lead pool again after the company's lead preferences changed: sends the queued change
 * to the server, then pulls the pool from scratch (the server decides which leads the company sees
 * from those preferences, so no pool row changes and an ordinary pull would bring nothing).
 */
@FunctionalInterface
public interface LeadPoolRefresh {

    /** Returns how many pool rows the server now shows. Blocks on the network: call it off the FX thread. */
    long pushThenPullPool() throws Exception;
}
