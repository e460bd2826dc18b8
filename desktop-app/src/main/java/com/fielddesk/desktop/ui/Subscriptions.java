package com.fielddesk.desktop.ui;

import java.util.ArrayList;
import java.util.List;

/** The listener registrations a ViewModel holds (cache changes, status feeds), closed together. */
public final class Subscriptions implements AutoCloseable {

    private final List<AutoCloseable> open = new ArrayList<>();

    public void add(AutoCloseable subscription) {
        open.add(subscription);
    }

    @Override
    public void close() {
        IllegalStateException failure = null;
        for (AutoCloseable subscription : open) {
            try {
                subscription.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Could not remove a listener", e);
                }
            }
        }
        open.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
