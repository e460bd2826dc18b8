package com.fielddesk.supabase.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FileSessionStoreTest {

    @TempDir
    Path folder;

    static Session session(String accessToken) {
        AuthUser user = new AuthUser(UUID.randomUUID(), "dispatcher@acme.test", "authenticated", "authenticated",
                JsonNodeFactory.instance.objectNode().put("provider", "email"), JsonNodeFactory.instance.objectNode());
        return new Session(accessToken, "refresh-" + accessToken, Instant.parse("2026-11-22T10:00:00Z"), Duration.ofHours(1), user);
    }

    @Test
    void sessionSurvivesARestart() {
        Path file = folder.resolve("fielddesk/session.json");
        Session saved = session("token-1");
        new FileSessionStore(file).save(saved);

        Session loaded = new FileSessionStore(file).load().orElseThrow();

        assertThat(loaded).isEqualTo(saved);
        assertThat(loaded.user().email()).isEqualTo("dispatcher@acme.test");
        assertThat(loaded.lifetime()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void fileIsReadableOnlyByTheUser() throws Exception {
        assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path file = folder.resolve("private/session.json");
        FileSessionStore store = new FileSessionStore(file);
        store.save(session("token-1"));
        store.save(session("token-2"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void clearForgetsTheSessionAndACorruptFileCountsAsNone() throws Exception {
        Path file = folder.resolve("session.json");
        FileSessionStore store = new FileSessionStore(file);
        store.save(session("token-1"));
        store.clear();
        assertThat(store.load()).isEmpty();

        Files.writeString(file, "{not json");
        assertThat(store.load()).isEmpty();
        assertThat(file).doesNotExist();
    }
}
