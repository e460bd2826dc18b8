package com.fielddesk.desktop.shell;

import java.util.UUID;

/** An entry of the status bar's issue list: a conflicting field, or a change the server rejected. */
public sealed interface SyncIssue {

    String title();

    String detail();

    /** The server kept its value of a field this user also changed. */
    record Conflict(long conflictId, String table, String column, String localValue, String serverValue) implements SyncIssue {
        @Override
        public String title() {
            return "Conflict in " + table.replace('_', ' ') + ": " + column.replace('_', ' ');
        }

        @Override
        public String detail() {
            return "Yours: " + localValue + " · Server kept: " + serverValue;
        }
    }

    /** A queued change the server refused, with the server's reason. */
    record Rejected(UUID mutationId, String table, String operation, String reason) implements SyncIssue {
        @Override
        public String title() {
            return "Rejected " + operation + " of " + table.replace('_', ' ');
        }

        @Override
        public String detail() {
            return reason;
        }
    }
}
