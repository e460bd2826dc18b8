package com.fielddesk.cache.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.remote.MutationRequest;
import com.fielddesk.cache.remote.MutationResult;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.RemotePage;
import com.fielddesk.cache.remote.RemoteTables;
import com.fielddesk.cache.status.SyncStatusTracker;
import com.fielddesk.cache.store.SyncedTable;

import java.util.List;
import java.util.Optional;

/**
 * The engine's server port, telling the status whenever the server answered a call or could not
 * be reached, so "online" follows real answers rather than passes that happened to send nothing.
 * A refusal (4xx, including an expired session) is an answer; a network error, timeout or 5xx
 * (a retryable failure) is not.
 */
final class AnswerRecordingRemote implements RemoteTables {

    private final RemoteTables delegate;
    private final SyncStatusTracker status;

    AnswerRecordingRemote(RemoteTables delegate, SyncStatusTracker status) {
        this.delegate = delegate;
        this.status = status;
    }

    @Override
    public long watermark() throws RemoteException {
        return status.recorded(delegate::watermark);
    }

    @Override
    public RemotePage fetchPage(SyncedTable table, long fromXid, PageKey after, int limit) throws RemoteException {
        return status.recorded(() -> delegate.fetchPage(table, fromXid, after, limit));
    }

    @Override
    public Optional<ObjectNode> fetchRow(String table, String id) throws RemoteException {
        return status.recorded(() -> delegate.fetchRow(table, id));
    }

    @Override
    public List<MutationResult> applyMutations(List<MutationRequest> batch) throws RemoteException {
        return status.recorded(() -> delegate.applyMutations(batch));
    }
}
