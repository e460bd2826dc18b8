package com.fielddesk.cache.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.conflict.ConflictLog;
import com.fielddesk.cache.conflict.FieldMerge;
import com.fielddesk.cache.outbox.Operation;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.outbox.OutboxEntry;
import com.fielddesk.cache.outbox.RowRebuilder;
import com.fielddesk.cache.remote.MutationRequest;
import com.fielddesk.cache.remote.MutationResult;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.RemoteTables;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.LocalRows;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Drains the outbox FIFO in batches through {@code apply_mutations}.
 *
 * <p>Exactly-once: a mutation leaves the queue only in the same SQLite transaction that records
 * the server's answer. If the process dies or the answer is lost, the same mutation id is sent
 * again and the server's ledger answers {@code duplicate} without applying it twice.
 */
public final class Pusher {

    private final CacheDatabase database;
    private final RemoteTables remote;
    private final Outbox outbox;
    private final ConflictLog conflicts;
    private final RowRebuilder rebuilder;
    private final Clock clock;
    private final int batchSize;

    public Pusher(CacheDatabase database, RemoteTables remote, Outbox outbox, ConflictLog conflicts, Clock clock,
                  int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.database = database;
        this.remote = remote;
        this.outbox = outbox;
        this.conflicts = conflicts;
        this.rebuilder = new RowRebuilder(new LocalRows(database.catalog()), outbox);
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Sends batches until nothing sendable is left; a failed call stops the drain (the caller backs off). */
    public PushReport drain() throws RemoteException {
        PushReport total = PushReport.EMPTY;
        while (true) {
            List<OutboxEntry> batch = database.read(connection -> outbox.nextBatch(connection, batchSize));
            if (batch.isEmpty()) {
                return total;
            }
            total = total.plus(send(batch));
        }
    }

    private PushReport send(List<OutboxEntry> batch) throws RemoteException {
        List<MutationResult> results;
        try {
            results = remote.applyMutations(batch.stream().map(Pusher::request).toList());
        } catch (RemoteException e) {
            if (e.isRetryable() || batch.size() == 1) {
                if (!e.isRetryable()) {
                    // A request the server refuses as a whole for this one mutation: quarantine it
                    // so it cannot block the queue forever.
                    return record(batch, List.of(new MutationResult(batch.get(0).mutationId(),
                            MutationResult.Status.REJECTED, "request_refused", e.getMessage(), null)), 1, true);
                }
                throw e;
            }
            // A batch refused as a whole hides which mutation is poisonous: send them one by one.
            PushReport report = PushReport.EMPTY;
            for (OutboxEntry entry : batch) {
                report = report.plus(send(List.of(entry)));
            }
            return report;
        }
        return record(batch, results, 1, false);
    }

    private PushReport record(List<OutboxEntry> batch, List<MutationResult> results, int requests,
                              boolean refetchRejected) throws RemoteException {
        if (results.size() != batch.size()) {
            throw new RemoteException("apply_mutations answered " + results.size() + " results for "
                    + batch.size() + " mutations", true, null, null);
        }
        Map<UUID, OutboxEntry> byId = batch.stream().collect(Collectors.toMap(OutboxEntry::mutationId, Function.identity()));
        // A whole-request refusal carries no row; fetch it so the cache falls back to the server state.
        ObjectNode refetched = null;
        if (refetchRejected) {
            OutboxEntry only = batch.get(0);
            refetched = remote.fetchRow(only.table(), only.rowId()).orElse(null);
        }
        ObjectNode fallbackRow = refetched;
        for (MutationResult result : results) {
            if (!byId.containsKey(result.mutationId())) {
                throw new RemoteException("apply_mutations answered for an unknown mutation " + result.mutationId(),
                        true, null, null);
            }
        }
        return database.write(connection -> {
            int applied = 0, duplicates = 0, merged = 0, conflictFields = 0, quarantined = 0;
            // Acknowledged mutations leave the queue first (one statement), so the rows' rebuilds
            // below see exactly what is still queued.
            outbox.removeAll(connection, results.stream()
                    .filter(r -> r.status() == MutationResult.Status.APPLIED || r.status() == MutationResult.Status.DUPLICATE)
                    .map(MutationResult::mutationId).toList());
            try (RowRebuilder.Session rebuilds = rebuilder.session(connection)) {
                for (MutationResult result : results) {
                    OutboxEntry entry = byId.get(result.mutationId());
                    ObjectNode serverRow = result.row() != null ? result.row() : fallbackRow;
                    switch (result.status()) {
                        case APPLIED, DUPLICATE -> {
                            rebuilds.rebuild(entry.table(), entry.rowId(), serverRow);
                            if (result.status() == MutationResult.Status.APPLIED) {
                                applied++;
                            } else {
                                duplicates++;
                            }
                        }
                        case CONFLICT -> {
                            merged++;
                            conflictFields += merge(connection, entry, serverRow);
                            rebuilds.rebuild(entry.table(), entry.rowId(), serverRow);
                        }
                        case REJECTED -> {
                            quarantined++;
                            outbox.quarantine(connection, entry.mutationId(), result.code(), result.message(), result.details(),
                                    clock.instant());
                            rebuilds.rebuild(entry.table(), entry.rowId(), serverRow);
                        }
                        case DEFERRED -> {
                            // Stays queued behind the mutation of its row that did not apply.
                        }
                    }
                    database.markTouched(entry.table());
                }
            }
            database.markTouched(Outbox.TABLE);
            database.markTouched(ConflictLog.TABLE);
            return new PushReport(applied, duplicates, merged, conflictFields, quarantined, requests);
        });
    }

    /** Returns the number of fields the server won. */
    private int merge(Connection connection, OutboxEntry entry, ObjectNode serverRow) throws SQLException {
        if (entry.operation() != Operation.UPDATE || serverRow == null) {
            // Only updates carry a base version; anything else answered "conflict" is kept for the user.
            outbox.quarantine(connection, entry.mutationId(), "conflict", "The row changed on the server", clock.instant());
            return 0;
        }
        FieldMerge.Outcome outcome = FieldMerge.merge(entry.changes(), entry.baseValues(), serverRow);
        JsonNode version = serverRow.get("version");
        for (String column : outcome.conflicts()) {
            conflicts.record(connection, entry.table(), entry.rowId(), column, entry.changes().get(column),
                    serverRow.get(column), version == null || version.isNull() ? null : version.asLong(), clock.instant());
        }
        if (outcome.toSend().isEmpty()) {
            outbox.remove(connection, entry.mutationId());
        } else {
            outbox.rebase(connection, entry.mutationId(), outcome.toSend(), outcome.newBaseValues(), version.asLong());
        }
        return outcome.conflicts().size();
    }

    private static MutationRequest request(OutboxEntry entry) {
        return new MutationRequest(entry.mutationId(), entry.table(), entry.rowId(), entry.operation(), entry.changes(),
                entry.baseVersion(), entry.previousMutationId());
    }
}
