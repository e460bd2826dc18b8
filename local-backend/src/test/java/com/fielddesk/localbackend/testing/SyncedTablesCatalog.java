package com.fielddesk.localbackend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The tables the offline cache syncs, read from its SQLite migrations in the repository (the
 * {@code synced_tables} rows they insert and delete, in version order). local-backend cannot depend
 * on offline-cache — offline-cache's tests depend on local-backend's test-jar — so the files are
 * read as text.
 */
public final class SyncedTablesCatalog {

    static final Path MIGRATIONS = Path.of("offline-cache", "src", "main", "resources", "com", "fielddesk", "cache",
            "store", "migrations");
    private static final Pattern INSERT = Pattern.compile(
            "insert\\s+into\\s+synced_tables\\s*\\([^)]*\\)\\s*values\\s*(.*?);", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern FIRST_VALUE = Pattern.compile("\\(\\s*'([a-z_][a-z0-9_]*)'");
    private static final Pattern DELETE = Pattern.compile(
            "delete\\s+from\\s+synced_tables\\s+where\\s+name\\s*=\\s*'([a-z_][a-z0-9_]*)'", Pattern.CASE_INSENSITIVE);
    /** As offline-cache's CacheMigrations names them: V1.sql, V2.sql, ... */
    private static final Pattern VERSION = Pattern.compile("V(\\d+)\\.sql");

    private SyncedTablesCatalog() {
    }

    /** The synced table names, in the order the migrations add them. */
    public static Set<String> tableNames() {
        Set<String> tables = new LinkedHashSet<>();
        for (Path migration : migrations()) {
            String sql = read(migration);
            Matcher insert = INSERT.matcher(sql);
            while (insert.find()) {
                Matcher value = FIRST_VALUE.matcher(insert.group(1));
                while (value.find()) {
                    tables.add(value.group(1));
                }
            }
            Matcher delete = DELETE.matcher(sql);
            while (delete.find()) {
                tables.remove(delete.group(1));
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("No synced_tables rows found in " + MIGRATIONS.toAbsolutePath());
        }
        return tables;
    }

    private static List<Path> migrations() {
        Path folder = Files.isDirectory(MIGRATIONS) ? MIGRATIONS : Path.of("..").resolve(MIGRATIONS);
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> sorted = files.filter(file -> VERSION.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(SyncedTablesCatalog::version)).toList();
            if (sorted.isEmpty()) {
                throw new IllegalStateException("No cache migrations in " + folder.toAbsolutePath());
            }
            return sorted;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the offline cache's migrations in " + folder.toAbsolutePath(), e);
        }
    }

    private static int version(Path file) {
        Matcher matcher = VERSION.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(file.toString());
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
