package com.fielddesk.desktop.testing;

import com.fielddesk.desktop.shell.SyncIssueActions;

import java.util.UUID;

/** For a shell under test that only shows sync issues: acting on one is a mistake in the test. */
public final class NoSyncIssueActions implements SyncIssueActions {

    @Override
    public void reapplyConflict(long conflictId) {
        throw new UnsupportedOperationException("This test does not act on sync issues");
    }

    @Override
    public void dismissConflict(long conflictId) {
        throw new UnsupportedOperationException("This test does not act on sync issues");
    }

    @Override
    public void retryRejected(UUID mutationId) {
        throw new UnsupportedOperationException("This test does not act on sync issues");
    }

    @Override
    public void dismissRejected(UUID mutationId) {
        throw new UnsupportedOperationException("This test does not act on sync issues");
    }
}
