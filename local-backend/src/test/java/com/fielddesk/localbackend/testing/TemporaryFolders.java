package com.fielddesk.localbackend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Folders the tests create under the system's temporary folder and remove again. A backend's data
 * folder holds a whole PostgreSQL cluster (~500 MB); left behind by every run, they filled a
 * developer's disk (77 GB of them were found on 5 Dec).
 */
public final class TemporaryFolders {

    private TemporaryFolders() {
    }

    public static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes {@code folder} and everything in it; what cannot be removed is reported and left, since no test's result depends on it. */
    public static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not remove the test folder " + folder + ": " + e);
        }
    }
}
