package com.fielddesk.cache.store;

import org.sqlite.Function;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * SQL functions the cache registers on each of its connections (they exist only there, so no
 * view, index or trigger of the cache file may use them).
 * <ul>
 *   <li>{@code fielddesk_instant(text)}: {@link Instants#canonical}, for migrations that bring
 *       stored instants to the one text form;</li>
 *   <li>{@code fielddesk_fold(text)}: lower case by Unicode rules ({@link Locale#ROOT}), for a
 *       case-insensitive match of non-ASCII text — SQLite's own {@code lower()} and
 *       {@code like} fold only A–Z, so "ŁÓDŹ" would not match "łódź".</li>
 * </ul>
 */
final class SqlFunctions {

    private SqlFunctions() {
    }

    static void register(Connection connection) throws SQLException {
        Function.create(connection, "fielddesk_instant", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                result(Instants.canonical(value_text(0)));
            }
        }, 1, Function.FLAG_DETERMINISTIC);
        Function.create(connection, "fielddesk_fold", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String text = value_text(0);
                result(text == null ? null : text.toLowerCase(Locale.ROOT));
            }
        }, 1, Function.FLAG_DETERMINISTIC);
    }
}
