package com.fielddesk.desktop.shell;

import java.util.UUID;

/** What the user can do with a sync issue (the sync engine implements these). Blocking. */
public interface SyncIssueActions {

    void reapplyConflict(long conflictId) throws Exception;

    void dismissConflict(long conflictId) throws Exception;

    void retryRejected(UUID mutationId) throws Exception;

    void dismissRejected(UUID mutationId) throws Exception;
}
