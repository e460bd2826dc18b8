package com.fielddesk.cache.audit;

import com.fielddesk.cache.store.CacheDatabase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The audit chain heads this computer has seen, kept in the local cache (table
 * {@code audit_witnessed_heads}, never synced): the evidence a later verify holds the server's
 * chain against.
 */
public final class WitnessedHeads {

    /** A head seen: entry {@code seq} had {@code hash}. */
    public record Head(long seq, String hash) {
    }

    private final CacheDatabase database;
    private final Clock clock;

    public WitnessedHeads(CacheDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Remembers a head (the same seq seen again keeps the first hash seen: that is the evidence). */
    public void witness(UUID company, Head head) {
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into audit_witnessed_heads (company_id, seq, hash, seen_at) values (?, ?, ?, ?)"
                            + " on conflict (company_id, seq) do nothing")) {
                insert.setString(1, company.toString());
                insert.setLong(2, head.seq());
                insert.setString(3, head.hash());
                insert.setString(4, clock.instant().toString());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Every head seen for the company, oldest first. */
    public List<Head> all(UUID company) {
        return database.read(connection -> {
            List<Head> heads = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select seq, hash from audit_witnessed_heads where company_id = ? order by seq")) {
                query.setString(1, company.toString());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        heads.add(new Head(rows.getLong(1), rows.getString(2)));
                    }
                }
            }
            return heads;
        });
    }
}
