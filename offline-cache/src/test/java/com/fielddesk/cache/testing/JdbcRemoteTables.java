package com.fielddesk.cache.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.remote.JsonRows;
import com.fielddesk.cache.remote.MutationCodec;
import com.fielddesk.cache.remote.MutationRequest;
import com.fielddesk.cache.remote.MutationResult;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.RemotePage;
import com.fielddesk.cache.remote.RemoteTables;
import com.fielddesk.cache.store.Json;
import com.fielddesk.cache.store.SyncedTable;
import com.fielddesk.localbackend.db.RequestIdentity;
import com.fielddesk.localbackend.testing.AsUser;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The engine's server port straight over JDBC, as the signed-in user (role + JWT claims per
 * transaction, exactly like PostgREST). Used to test the engine and {@code apply_mutations}
 * against the real migrations without HTTP in between; the HTTP adapter has its own tests.
 */
public final class JdbcRemoteTables implements RemoteTables {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_]+");

    private final DataSource database;
    private final RequestIdentity identity;
    private volatile int calls;

    public JdbcRemoteTables(DataSource database, UUID userId, String email) {
        this.database = database;
        this.identity = AsUser.authenticated(userId, email);
    }

    public int calls() {
        return calls;
    }

    @Override
    public long watermark() throws RemoteException {
        return run(connection -> {
            try (PreparedStatement query = connection.prepareStatement("select public.sync_watermark()");
                 ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** The same {@code public.sync_page} function the HTTP adapter calls, decoded the same way. */
    @Override
    public RemotePage fetchPage(SyncedTable table, long fromXid, PageKey after, int limit) throws RemoteException {
        return run(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select public.sync_page(?, ?, ?, ?, ?::uuid, ?)::text")) {
                query.setString(1, table.name());
                query.setArray(2, connection.createArrayOf("text", table.columnNames().toArray()));
                query.setLong(3, fromXid);
                query.setObject(4, after == null ? null : after.syncXid(), java.sql.Types.BIGINT);
                query.setString(5, after == null ? null : after.id());
                query.setInt(6, limit);
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    return RemotePage.of(table, Json.MAPPER.readValue(result.getString(1), JsonRows.class));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("Unreadable sync page: " + e.getMessage(), e);
                }
            }
        });
    }

    @Override
    public Optional<ObjectNode> fetchRow(String table, String id) throws RemoteException {
        String name = checked(table);
        return run(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select to_jsonb(t)::text from public." + name + " t where t.id = ?::uuid")) {
                query.setString(1, id);
                try (ResultSet result = query.executeQuery()) {
                    return result.next() ? Optional.of((ObjectNode) Json.parse(result.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<MutationResult> applyMutations(List<MutationRequest> batch) throws RemoteException {
        String body = MutationCodec.encode(batch).toString();
        return run(connection -> {
            try (PreparedStatement call = connection.prepareStatement("select public.apply_mutations(?::jsonb)::text")) {
                call.setString(1, body);
                try (ResultSet result = call.executeQuery()) {
                    result.next();
                    return MutationCodec.decode((ArrayNode) Json.parse(result.getString(1)));
                }
            }
        });
    }

    private <T> T run(AsUser.SqlWork<T> work) throws RemoteException {
        calls++;
        try {
            return AsUser.run(database, identity, work);
        } catch (SQLException e) {
            boolean retryable = e.getSQLState() != null && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("40"));
            throw new RemoteException(e.getMessage(), retryable, null, e);
        }
    }

    private static String checked(String table) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("Bad table name " + table);
        }
        return table;
    }

}
