package com.fielddesk.localbackend.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Object bytes on disk, one immutable file per stored version: {@code <root>/<bucket>/<version>}.
 * A version is written to a temporary file, forced to disk and only then renamed into place, and
 * the database row points at a version only after that rename. So a crash leaves at most an
 * orphaned temporary file — never a half-written file that a row points at and that is then served.
 */
public final class ObjectFiles {

    private static final Pattern BUCKET_ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");
    private static final String TEMPORARY_SUFFIX = ".partial";

    private final Path root;

    public ObjectFiles(Path root) {
        this.root = root;
    }

    /** A version written completely, or the reason it was not. */
    public sealed interface WriteResult permits Written, TooLarge {
    }

    public record Written(String version, long size) implements WriteResult {
    }

    public record TooLarge(long limit) implements WriteResult {
    }

    /**
     * Copies {@code content} into a new version of the bucket, refusing (and leaving nothing
     * behind) once more than {@code maxBytes} arrive.
     */
    public WriteResult write(String bucket, InputStream content, long maxBytes) {
        String version = UUID.randomUUID().toString();
        Path folder = bucketFolder(bucket);
        Path temporary = folder.resolve(version + TEMPORARY_SUFFIX);
        try {
            Files.createDirectories(folder);
            long size = 0;
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = content.read(buffer)) != -1) {
                    size += read;
                    if (size > maxBytes) {
                        Files.deleteIfExists(temporary);
                        return new TooLarge(maxBytes);
                    }
                    out.write(buffer, 0, read);
                }
                out.flush();
                channel.force(true);
            }
            moveIntoPlace(temporary, folder.resolve(version));
            forceDirectory(folder);
            return new Written(version, size);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("Could not store an object in bucket " + bucket, e);
        }
    }

    /** The finished file of a version, if it exists (temporary files are never returned). */
    public Optional<Path> find(String bucket, String version) {
        if (version == null || version.endsWith(TEMPORARY_SUFFIX)) {
            return Optional.empty();
        }
        Path file;
        try {
            file = bucketFolder(bucket).resolve(UUID.fromString(version).toString());
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty(); // a row written by something else than this server
        }
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Removes a version that no row points at any more (after the deleting transaction committed). */
    public void delete(String bucket, String version) {
        find(bucket, version).ifPresent(ObjectFiles::deleteQuietly);
    }

    private Path bucketFolder(String bucket) {
        if (!BUCKET_ID.matcher(bucket).matches()) {
            throw new IllegalArgumentException("Not a bucket id: " + bucket);
        }
        return root.resolve(bucket);
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this only happens on exotic file systems; still never exposes a partial name.
            Files.move(temporary, target);
        }
    }

    /** Makes the rename itself durable; not possible (nor needed) on Windows. */
    private static void forceDirectory(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open directories; NTFS journals the rename.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // An orphaned file is harmless: no row points at it.
        }
    }
}
