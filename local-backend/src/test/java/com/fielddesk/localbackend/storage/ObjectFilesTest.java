package com.fielddesk.localbackend.storage;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectFilesTest {

    @TempDir
    Path root;

    @Test
    void writtenVersionHoldsExactlyTheBytesAndLeavesNoTemporaryFile() throws IOException {
        ObjectFiles files = new ObjectFiles(root);
        byte[] content = "invoice bytes".getBytes(StandardCharsets.UTF_8);

        ObjectFiles.Written written = (ObjectFiles.Written) files.write("invoices", new ByteArrayInputStream(content), 1024);

        assertThat(written.size()).isEqualTo(content.length);
        assertThat(files.find("invoices", written.version())).hasValueSatisfying(
                file -> assertThat(file).hasBinaryContent(content));
        assertThat(namesIn(root.resolve("invoices"))).containsExactly(written.version());
    }

    @Test
    void uploadThatBreaksOffMidwayLeavesNothingThatCouldBeServed() throws IOException {
        ObjectFiles files = new ObjectFiles(root);
        InputStream breaksOff = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 100_000) {
                    return 'x';
                }
                throw new IOException("connection reset by peer");
            }
        };

        assertThatThrownBy(() -> files.write("attachments", breaksOff, 10_000_000)).hasRootCauseMessage("connection reset by peer");

        assertThat(namesIn(root.resolve("attachments"))).isEmpty();
    }

    @Test
    void temporaryFileOfACrashedWriteIsNeverFound() throws IOException {
        ObjectFiles files = new ObjectFiles(root);
        String version = "6f1c1c1e-4a8e-4c55-9d7e-0d7f5d3b2a10";
        Files.createDirectories(root.resolve("attachments"));
        // What a crash between write and rename leaves behind.
        Files.writeString(root.resolve("attachments").resolve(version + ".partial"), "half a fi");

        assertThat(files.find("attachments", version)).isEmpty();
        assertThat(files.find("attachments", version + ".partial")).isEmpty();
    }

    @Test
    void tooLargeUploadIsRefusedAndRemoved() throws IOException {
        ObjectFiles files = new ObjectFiles(root);

        ObjectFiles.WriteResult result = files.write("branding", new ByteArrayInputStream(new byte[2049]), 2048);

        assertThat(result).isEqualTo(new ObjectFiles.TooLarge(2048));
        assertThat(namesIn(root.resolve("branding"))).isEmpty();
    }

    @Test
    void bucketNamesCannotEscapeTheStorageFolder() {
        ObjectFiles files = new ObjectFiles(root);

        assertThatThrownBy(() -> files.write("../etc", new ByteArrayInputStream(new byte[1]), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> namesIn(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).toList();
        }
    }
}
