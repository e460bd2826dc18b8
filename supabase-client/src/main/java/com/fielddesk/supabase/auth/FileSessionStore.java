package com.fielddesk.supabase.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the session as JSON in one file readable only by the user: POSIX mode 600 (folder 700)
 * where the file system supports it, otherwise owner-only read/write flags. Written to a temporary
 * file created with those permissions and then moved into place, so a crash never leaves a
 * half-written or briefly world-readable session.
 */
public final class FileSessionStore implements SessionStore {

    private static final Logger log = LoggerFactory.getLogger(FileSessionStore.class);
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    public FileSessionStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<Session> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), Session.class));
        } catch (IOException | IllegalArgumentException unreadable) {
            log.warn("Ignoring unreadable session file {}: {}", file, unreadable.getMessage());
            clear();
            return Optional.empty();
        }
    }

    @Override
    public synchronized void save(Session session) {
        try {
            Path folder = file.getParent();
            boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(folder)) {
                if (posix) {
                    Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
                } else {
                    Files.createDirectories(folder);
                }
            }
            FileAttribute<?>[] ownerOnly = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                    : new FileAttribute<?>[0];
            Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp", ownerOnly);
            try {
                if (!posix) {
                    restrictToOwner(temporary);
                }
                Files.write(temporary, json.writeValueAsBytes(session));
                moveIntoPlace(temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the session to " + file, e);
        }
    }

    @Override
    public synchronized void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the session file " + file, e);
        }
    }

    private void moveIntoPlace(Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void restrictToOwner(Path path) {
        java.io.File plain = path.toFile();
        boolean restricted = plain.setReadable(false, false) && plain.setReadable(true, true)
                && plain.setWritable(false, false) && plain.setWritable(true, true);
        if (!restricted) {
            log.warn("Could not restrict {} to its owner", path);
        }
    }
}
