package com.fielddesk.cache.search;

import com.fielddesk.cache.store.CacheDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Full-text search over the cache (Ctrl+K), on SQLite FTS5 indexes kept in step within every write
 * transaction (cache migration V3, {@code store.SearchIndexes}), so sync pulls and local writes are
 * searchable as soon as they commit.
 * Every word the user typed must match the start of a word of the record ("nor hea" finds
 * "Northwind Heating"), case- and accent-insensitively (unicode61, diacritics removed); results
 * are ranked by bm25 with the name/number weighted highest, at most a limit per kind; tombstones
 * are never indexed. The user's text is split into words and each is quoted, so no FTS syntax in
 * it ({@code AND}, {@code "}, {@code *}, {@code NEAR}) is ever interpreted.
 */
public final class CacheSearch {

    private static final Pattern NOT_A_WORD_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final CacheDatabase database;

    public CacheSearch(CacheDatabase database) {
        this.database = database;
    }

    /** Best hits of every kind, at most {@code limitPerKind} of each, kinds in {@link SearchKind} order. */
    public List<SearchHit> search(String text, int limitPerKind) {
        return search(text, EnumSet.allOf(SearchKind.class), limitPerKind);
    }

    public List<SearchHit> search(String text, Set<SearchKind> kinds, int limitPerKind) {
        if (limitPerKind < 1) {
            throw new IllegalArgumentException("limitPerKind must be positive");
        }
        String match = matchExpression(text);
        if (match.isEmpty()) {
            return List.of();
        }
        // One letter matches most rows, and ranking them all costs more than a keystroke may; its
        // hits come unranked (index order) until the second letter, which is ranked.
        boolean ranked = match.length() > "\"x\"*".length();
        return database.read(connection -> {
            List<SearchHit> hits = new ArrayList<>();
            for (SearchKind kind : SearchKind.values()) {
                if (kinds.contains(kind)) {
                    hits.addAll(search(connection, kind, match, ranked, limitPerKind));
                }
            }
            return hits;
        });
    }

    private static List<SearchHit> search(Connection connection, SearchKind kind, String match, boolean ranked,
                                          int limit) throws SQLException {
        // Identifiers and expressions come from SearchKind (code), the user's words are bound.
        // Rank in the index alone first (no row of the table is read for the many matches of a
        // short prefix), then read the few best rows.
        String sql = "select t.id, " + kind.title + ", " + kind.detail + ", hit.score from (select rowid, bm25("
                + kind.index + ", " + kind.weights + ") as score from " + kind.index + " where " + kind.index
                + " match ?" + (ranked ? " order by score" : "") + " limit ?) hit join " + kind.table
                + " t on t.rowid = hit.rowid where t.deleted_at is null order by hit.score";
        List<SearchHit> hits = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, match);
            query.setInt(2, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    hits.add(new SearchHit(kind, UUID.fromString(rows.getString(1)), rows.getString(2),
                            rows.getString(3), rows.getDouble(4)));
                }
            }
        }
        return hits;
    }

    /** {@code nor hea} → {@code "nor"* "hea"*}: every word as a quoted prefix, all required. */
    static String matchExpression(String text) {
        StringBuilder match = new StringBuilder();
        for (String word : NOT_A_WORD_CHARACTER.split(text == null ? "" : text.strip())) {
            if (!word.isEmpty()) {
                if (match.length() > 0) {
                    match.append(' ');
                }
                match.append('"').append(word).append("\"*");
            }
        }
        return match.toString();
    }
}
