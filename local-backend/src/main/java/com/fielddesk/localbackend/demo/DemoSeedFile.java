package com.fielddesk.localbackend.demo;

import java.util.Locale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes supabase/seed.sql: the standard dataset at the default seed and fixed anchor, so
 * {@code supabase db reset} loads the same demo as the Local demo. A test keeps the committed
 * file equal to this output.
 *
 * <p>Usage: {@code DemoSeedFile [path]} (default {@code supabase/seed.sql}, or
 * {@code ../supabase/seed.sql} when run from the local-backend folder).
 */
public final class DemoSeedFile {

    private DemoSeedFile() {
    }

    public static void main(String[] args) throws IOException {
        Path target = args.length > 0 ? Path.of(args[0]) : defaultTarget();
        String script = DemoDataGenerator.standardSeedFile().toSqlScript();
        Files.writeString(target, script, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "Wrote %s (%,d bytes)%n", target.toAbsolutePath().normalize(), script.length());
    }

    /** The repository's supabase/seed.sql, whether run from the repository root or the module folder. */
    public static Path defaultTarget() {
        Path fromModule = Path.of("..", "supabase");
        Path folder = Files.isDirectory(Path.of("supabase", "migrations")) ? Path.of("supabase") : fromModule;
        return folder.resolve("seed.sql");
    }
}
