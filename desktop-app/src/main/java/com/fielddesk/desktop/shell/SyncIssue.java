package com.fielddesk.desktop.shell;

import com.fielddesk.cache.outbox.Operation;
import com.fielddesk.desktop.ui.ServerRefusal;

import java.util.Optional;
import java.util.UUID;

/** An entry of the status bar's issue list: a conflicting field, or a change the server rejected. */
public sealed interface SyncIssue {

    String title();

    /** One plain sentence under the title. */
    String detail();

    /** The server's own words, for a secondary "Details" line (never the headline); empty when there are none. */
    default Optional<String> technicalDetails() {
        return Optional.empty();
    }

    /** The server kept its value of a field this user also changed. */
    record Conflict(long conflictId, String table, String column, String localValue, String serverValue) implements SyncIssue {
        @Override
        public String title() {
            return "Conflict on " + ServerRefusal.withArticle(ServerRefusal.recordNoun(table)) + ": " + column.replace('_', ' ');
        }

        @Override
        public String detail() {
            return "Yours: " + localValue + " · Server kept: " + serverValue;
        }
    }

    /** A queued change the server refused: why, in a sentence, and what the server said. */
    record Rejected(UUID mutationId, String table, Operation operation, ServerRefusal refusal) implements SyncIssue {
        @Override
        public String title() {
            String noun = ServerRefusal.recordNoun(table);
            return switch (operation) {
                case INSERT -> "New " + noun + " refused";
                case UPDATE -> "Change to " + ServerRefusal.withArticle(noun) + " refused";
                case DELETE -> "Removal of " + ServerRefusal.withArticle(noun) + " refused";
            };
        }

        @Override
        public String detail() {
            return refusal.sentence();
        }

        @Override
        public Optional<String> technicalDetails() {
            return Optional.of(refusal.details());
        }
    }
}
