package com.fielddesk.domain.audit;

/** What a verify found, in words for the supervisor. */
public sealed interface ChainCheck {

    String sentence();

    /** The server's chain is whole and agrees with every head this computer witnessed. */
    record Intact(long entries, int witnessedHeads) implements ChainCheck {
        @Override
        public String sentence() {
            return "All " + entries + " entries are intact" + (witnessedHeads == 0 ? "."
                    : ", and agree with the " + (witnessedHeads == 1 ? "point" : witnessedHeads + " points")
                    + " this computer saw before.");
        }
    }

    /** The server's own check found a broken link. */
    record Broken(long seq, String reason) implements ChainCheck {
        @Override
        public String sentence() {
            return "Entry " + seq + " is broken: " + reason;
        }
    }

    /**
     * The chain checks out on the server, but an entry this computer saw earlier now has another
     * hash (or is gone): history was rewritten after it was witnessed, every hash recomputed.
     */
    record Rewritten(long seq, String witnessedHash, String serverHash) implements ChainCheck {
        @Override
        public String sentence() {
            return "The log was rewritten after this computer saw it: entry " + seq + (serverHash == null ? " is gone"
                    : " no longer matches what was seen") + ", though every hash on the server checks out.";
        }
    }
}
