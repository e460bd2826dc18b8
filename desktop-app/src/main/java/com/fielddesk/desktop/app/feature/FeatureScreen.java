package com.fielddesk.desktop.app.feature;

import javafx.scene.Node;

import java.util.Optional;

/**
 * A feature's screen for one signed-in session, made the first time its section is shown. The
 * console calls {@link #start()} then, and {@link #close()} on sign-out (or when the window
 * closes) to stop its listeners, timers and work.
 */
public interface FeatureScreen {

    Node node();

    /** The section is shown for the first time: start listening to the cache and load. */
    default void start() {
    }

    /**
     * Shows a record of a kind the feature opens ({@link Feature#opens()}). Empty when it is
     * shown, else one sentence why not (e.g. the lead was claimed elsewhere since the search ran).
     */
    default Optional<String> open(RecordRef record) {
        return Optional.of("This section cannot open " + record.kind().noun() + " records.");
    }

    /**
     * Shows a new job or quote form started from another section (only the section that opens
     * {@link RecordKind#JOB} records is asked). Empty when it is shown, else one sentence why not.
     */
    default Optional<String> newWorkOrder(WorkOrderRequest request) {
        return Optional.of("This section cannot start a job or a quote.");
    }

    /** The session ends: stop listeners, timers and background work. */
    void close();

    /**
     * The usual screen: a view's node, started and closed with its view model, opening no records
     * (a section that opens records implements {@link #open} itself).
     */
    static FeatureScreen of(Node node, Runnable start, Runnable close) {
        return new FeatureScreen() {
            @Override
            public Node node() {
                return node;
            }

            @Override
            public void start() {
                start.run();
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }
}
