package com.fielddesk.cache.pull;

/** Progress of pulling one table in the current round (drives the initial-sync progress bar). */
public record PullProgress(String table, long rowsThisRound, boolean tableDone, boolean initialSync) {
}
