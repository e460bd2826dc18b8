package com.fielddesk.cache.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line of {@code sync}. Parsing never touches the network or the disk, so a
 * bad invocation fails with a clear message before anything changes.
 */
public record SyncCommand(String url, String anonKey, String email, String password, Path database, boolean watch,
                          int pageSize, int batchSize) {

    public static final String USAGE = """
            usage: sync --url URL --anon-key KEY --email E --password P --db FILE [--once|--watch]
                        [--page-size N] [--batch-size N]
              --once   push the queue, pull every table, print a summary and exit (default)
              --watch  keep syncing: push on local changes, pull on realtime events and every 30 s""";

    public static SyncCommand parse(String... args) {
        String url = null, anonKey = null, email = null, password = null, db = null;
        boolean watch = false, once = false;
        int pageSize = 1000, batchSize = 200;
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--once" -> once = true;
                case "--watch" -> watch = true;
                case "--url", "--anon-key", "--email", "--password", "--db", "--page-size", "--batch-size" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--url" -> url = value;
                        case "--anon-key" -> anonKey = value;
                        case "--email" -> email = value;
                        case "--password" -> password = value;
                        case "--db" -> db = value;
                        case "--page-size" -> pageSize = positive(arg, value);
                        default -> batchSize = positive(arg, value);
                    }
                }
                default -> unknown.add(arg);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown argument(s): " + String.join(" ", unknown));
        }
        if (once && watch) {
            throw new IllegalArgumentException("Choose one of --once and --watch");
        }
        List<String> missing = new ArrayList<>();
        if (url == null) missing.add("--url");
        if (anonKey == null) missing.add("--anon-key");
        if (email == null) missing.add("--email");
        if (password == null) missing.add("--password");
        if (db == null) missing.add("--db");
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Missing " + String.join(", ", missing));
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("--url must start with http:// or https://");
        }
        return new SyncCommand(url, anonKey, email, password, Path.of(db), watch, pageSize, batchSize);
    }

    private static int positive(String name, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the clear message below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, got " + value);
    }
}
