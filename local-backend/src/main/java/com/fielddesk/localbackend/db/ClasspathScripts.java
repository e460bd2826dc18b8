package com.fielddesk.localbackend.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads every {@code *.sql} file of one classpath folder, whether it sits in a jar or a directory. */
final class ClasspathScripts {

    private ClasspathScripts() {
    }

    static List<SqlScript> load(String folder) {
        URL url = ClasspathScripts.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("No SQL folder on the classpath: " + folder);
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                try (FileSystem jar = FileSystems.newFileSystem(url.toURI(), Map.of())) {
                    return read(jar.getPath(folder));
                } catch (java.nio.file.FileSystemAlreadyExistsException alreadyOpen) {
                    return read(FileSystems.getFileSystem(url.toURI()).getPath(folder));
                }
            }
            return read(Path.of(url.toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read SQL scripts from " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Bad classpath URL " + url, e);
        }
    }

    private static List<SqlScript> read(Path folder) throws IOException {
        List<SqlScript> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    scripts.add(SqlScript.fromFileName(file.getFileName().toString(),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        scripts.sort(null);
        return scripts;
    }
}
