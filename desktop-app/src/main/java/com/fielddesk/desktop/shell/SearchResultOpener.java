package com.fielddesk.desktop.shell;

import java.util.Optional;

/** Opens a Ctrl+K result in its section; answers why not when it cannot (e.g. no screen for it yet). */
@FunctionalInterface
public interface SearchResultOpener {

    /** Empty when the result was opened; otherwise one sentence for the user. */
    Optional<String> open(SearchResult result);
}
