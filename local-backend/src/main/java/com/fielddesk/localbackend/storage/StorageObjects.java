package com.fielddesk.localbackend.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.http.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL on {@code storage.buckets} and {@code storage.objects}; all of it runs on a connection
 * the caller prepared (as the API caller for object rows, so RLS applies).
 */
final class StorageObjects {

    private static final String OBJECT_COLUMNS = "bucket_id, name, id, version, metadata, created_at, updated_at, last_accessed_at";

    record Stored(String id, Optional<String> replacedVersion) {
    }

    record Found(String version, JsonNode metadata) {
    }

    record Listed(String name, String id, Timestamp createdAt, Timestamp updatedAt, Timestamp lastAccessedAt,
                  JsonNode metadata) {
        Map<String, Object> asFile(String childName) {
            return objectJson(childName, id, createdAt, updatedAt, lastAccessedAt, metadata);
        }

        static Map<String, Object> folder(String childName) {
            return objectJson(childName, null, null, null, null, null);
        }
    }

    record Deleted(String bucketId, String name, String id, String version, JsonNode metadata, Timestamp createdAt,
                   Timestamp updatedAt, Timestamp lastAccessedAt) {
        Map<String, Object> asJson() {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("bucket_id", bucketId);
            entry.putAll(objectJson(name, id, createdAt, updatedAt, lastAccessedAt, metadata));
            return entry;
        }
    }

    /** An object as Storage's list and delete responses show it (folders have only a name). */
    private static Map<String, Object> objectJson(String name, String id, Timestamp createdAt, Timestamp updatedAt,
                                                  Timestamp lastAccessedAt, JsonNode metadata) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("id", id);
        entry.put("updated_at", iso(updatedAt));
        entry.put("created_at", iso(createdAt));
        entry.put("last_accessed_at", iso(lastAccessedAt));
        entry.put("metadata", metadata);
        return entry;
    }

    Optional<StorageApi.Bucket> bucket(Connection connection, String bucketId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select id, public, file_size_limit, allowed_mime_types from storage.buckets where id = ?")) {
            statement.setString(1, bucketId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long limit = row.getLong(3);
                Long sizeLimit = row.wasNull() ? null : limit;
                Array types = row.getArray(4);
                List<String> allowed = types == null ? List.of() : Arrays.asList((String[]) types.getArray());
                return Optional.of(new StorageApi.Bucket(row.getString(1), row.getBoolean(2), sizeLimit, allowed));
            }
        }
    }

    List<Map<String, Object>> buckets(Connection connection) throws SQLException {
        List<Map<String, Object>> buckets = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select id, name, owner, public, file_size_limit, allowed_mime_types, created_at, updated_at
                from storage.buckets order by name
                """); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                Map<String, Object> bucket = new LinkedHashMap<>();
                bucket.put("id", row.getString(1));
                bucket.put("name", row.getString(2));
                bucket.put("owner", row.getString(3));
                bucket.put("public", row.getBoolean(4));
                bucket.put("file_size_limit", row.getObject(5));
                Array types = row.getArray(6);
                bucket.put("allowed_mime_types", types == null ? null : Arrays.asList((String[]) types.getArray()));
                bucket.put("created_at", iso(row.getTimestamp(7)));
                bucket.put("updated_at", iso(row.getTimestamp(8)));
                buckets.add(bucket);
            }
        }
        return buckets;
    }

    /**
     * Inserts the row for a new version, or with {@code upsert} points an existing row at it. An
     * existing row the caller may not see or update makes PostgreSQL refuse (42501), as in Supabase.
     */
    Stored store(Connection connection, String bucketId, String name, String owner, String metadataJson, String version,
                 boolean upsert) throws SQLException {
        Optional<String> previous = Optional.empty();
        if (upsert) {
            try (PreparedStatement select = connection.prepareStatement(
                    "select version from storage.objects where bucket_id = ? and name = ? for update")) {
                select.setString(1, bucketId);
                select.setString(2, name);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        previous = Optional.ofNullable(row.getString(1));
                    }
                }
            }
        }
        String sql = """
                insert into storage.objects (bucket_id, name, owner, owner_id, metadata, version)
                values (?, ?, ?::uuid, ?, ?::jsonb, ?)
                """ + (upsert ? """
                on conflict (bucket_id, name) do update
                  set owner = excluded.owner, owner_id = excluded.owner_id, metadata = excluded.metadata,
                      version = excluded.version, updated_at = now(), last_accessed_at = now()
                """ : "") + " returning id";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, bucketId);
            insert.setString(2, name);
            insert.setString(3, owner);
            insert.setString(4, owner);
            insert.setString(5, metadataJson);
            insert.setString(6, version);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return new Stored(row.getString(1), previous);
            }
        }
    }

    Optional<Found> find(Connection connection, String bucketId, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select version, metadata from storage.objects where bucket_id = ? and name = ?")) {
            select.setString(1, bucketId);
            select.setString(2, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Found(row.getString(1), json(row.getString(2)))) : Optional.empty();
            }
        }
    }

    List<String> visibleNames(Connection connection, String bucketId, List<String> names) throws SQLException {
        List<String> visible = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select name from storage.objects where bucket_id = ? and name = any(?)")) {
            select.setString(1, bucketId);
            select.setArray(2, connection.createArrayOf("text", names.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    visible.add(row.getString(1));
                }
            }
        }
        return visible;
    }

    List<Listed> underPrefix(Connection connection, String bucketId, String prefix) throws SQLException {
        List<Listed> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select name, id, created_at, updated_at, last_accessed_at, metadata
                from storage.objects where bucket_id = ? and left(name, length(?)) = ? order by name
                """)) {
            select.setString(1, bucketId);
            select.setString(2, prefix);
            select.setString(3, prefix);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Listed(row.getString(1), row.getString(2), row.getTimestamp(3), row.getTimestamp(4),
                            row.getTimestamp(5), json(row.getString(6))));
                }
            }
        }
        return rows;
    }

    /**
     * Deletes object rows the caller may delete. Like Supabase's Storage API it first tells the
     * database's guard against plain SQL deletes (trigger {@code protect_objects_delete}) that this
     * transaction is the Storage API's own.
     */
    List<Deleted> delete(Connection connection, String bucketId, List<String> names) throws SQLException {
        try (PreparedStatement allow = connection.prepareStatement(
                "select set_config('storage.allow_delete_query', 'true', true)")) {
            allow.execute();
        }
        List<Deleted> deleted = new ArrayList<>();
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from storage.objects where bucket_id = ? and name = any(?) returning " + OBJECT_COLUMNS)) {
            delete.setString(1, bucketId);
            delete.setArray(2, connection.createArrayOf("text", names.toArray()));
            try (ResultSet row = delete.executeQuery()) {
                while (row.next()) {
                    deleted.add(new Deleted(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            json(row.getString(5)), row.getTimestamp(6), row.getTimestamp(7), row.getTimestamp(8)));
                }
            }
        }
        return deleted;
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String iso(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().toString();
    }
}
