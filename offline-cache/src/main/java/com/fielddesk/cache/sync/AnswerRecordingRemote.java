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

    @FunctionalInterface
    private interface Call<T> {
        T run() throws RemoteException;
    }

    private <T> T recorded(Call<T> call) throws RemoteException {
        T answer;
        try {
            answer = call.run();
        } catch (RemoteException e) {
            if (e.isRetryable()) {
                status.serverUnreachable();
            } else {
                status.serverAnswered();
            }
            throw e;
        }
        status.serverAnswered();
        return answer;
    }

    @Override
    public long watermark() throws RemoteException {
        return recorded(delegate::watermark);
    }

    @Override
    public RemotePage fetchPage(SyncedTable table, long fromXid, PageKey after, int limit) throws RemoteException {
        return recorded(() -> delegate.fetchPage(table, fromXid, after, limit));
    }

    @Override
    public Optional<ObjectNode> fetchRow(String table, String id) throws RemoteException {
        return recorded(() -> delegate.fetchRow(table, id));
    }

    @Override
    public List<MutationResult> applyMutations(List<MutationRequest> batch) throws RemoteException {
        return recorded(() -> delegate.applyMutations(batch));
    }
}
