package com.fielddesk.desktop.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.remote.MutationRequest;
import com.fielddesk.cache.remote.MutationResult;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.RemoteTables;
import com.fielddesk.cache.remote.SessionExpiredException;
import com.fielddesk.supabase.errors.NetworkException;
import com.fielddesk.supabase.errors.ServerUnavailableException;

import java.util.List;
import java.util.Optional;

/**
 * Lets the sync engine's own server calls tell the console whether the server answers: any answer
 * (even a refusal) means online; only a network failure or an unavailable server means offline.
 * That is what the status bar shows, rather than guessing from an empty upload queue.
 */
final class ReachabilityReportingRemoteTables implements RemoteTables {

    private final RemoteTables server;
    private final ServerReachability reachability;

    ReachabilityReportingRemoteTables(RemoteTables server, ServerReachability reachability) {
        this.server = server;
        this.reachability = reachability;
    }

    @Override
    public long watermark() throws RemoteException {
        return observed(server::watermark);
    }

    @Override
    public List<ObjectNode> fetchPage(String table, long fromXid, PageKey after, int limit) throws RemoteException {
        return observed(() -> server.fetchPage(table, fromXid, after, limit));
    }

    @Override
    public Optional<ObjectNode> fetchRow(String table, String id) throws RemoteException {
        return observed(() -> server.fetchRow(table, id));
    }

    @Override
    public List<MutationResult> applyMutations(List<MutationRequest> batch) throws RemoteException {
        return observed(() -> server.applyMutations(batch));
    }

    private interface RemoteCall<T> {
        T run() throws RemoteException;
    }

    private <T> T observed(RemoteCall<T> call) throws RemoteException {
        try {
            T answer = call.run();
            reachability.report(true);
            return answer;
        } catch (SessionExpiredException e) {
            reachability.report(true);
            throw e;
        } catch (RemoteException e) {
            reachability.report(!(e.getCause() instanceof NetworkException
                    || e.getCause() instanceof ServerUnavailableException));
            throw e;
        }
    }
}
