package com.fielddesk.desktop.ui;

import java.util.Optional;

/**
 * A failure that already says, in one sentence for the user, what went wrong and what to do next
 * (a wrong password, a lead someone else claimed). {@link Failures} shows that sentence as it is;
 * any other exception's message is never shown to a user.
 */
public interface ExplainedFailure {

    /** One plain sentence for the headline. */
    String sentence();

    /** What the server or the system said, verbatim, for the log and a "Details" line. */
    default Optional<String> technicalDetails() {
        return Optional.empty();
    }
}
