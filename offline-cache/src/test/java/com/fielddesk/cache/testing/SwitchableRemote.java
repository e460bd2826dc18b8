package com.fielddesk.cache.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.remote.MutationRequest;
import com.fielddesk.cache.remote.MutationResult;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.RemotePage;
import com.fielddesk.cache.remote.RemoteTables;
import com.fielddesk.cache.store.SyncedTable;

import java.util.List;
import java.util.Optional;

/** A server port whose network can be unplugged: while offline every call fails as a network error would. */
public final class SwitchableRemote implements RemoteTables {

    private final RemoteTables delegate;
    private volatile boolean online = true;
    private volatile int batches;

    public SwitchableRemote(RemoteTables delegate) {
        this.delegate = delegate;
    }

    public void setOnline(boolean online) {
        this.online = online;
    }

    public int batches() {
        return batches;
    }

    private void check() throws RemoteException {
        if (!online) {
            throw new RemoteException("Network is unreachable", true, null, null);
        }
    }

    @Override
    public long watermark() throws RemoteException {
        check();
        return delegate.watermark();
    }

    @Override
    public RemotePage fetchPage(SyncedTable table, long fromXid, PageKey after, int limit) throws RemoteException {
        check();
        return delegate.fetchPage(table, fromXid, after, limit);
    }

    @Override
    public Optional<ObjectNode> fetchRow(String table, String id) throws RemoteException {
        check();
        return delegate.fetchRow(table, id);
    }

    @Override
    public List<MutationResult> applyMutations(List<MutationRequest> batch) throws RemoteException {
        check();
        batches++;
        return delegate.applyMutations(batch);
    }
}
