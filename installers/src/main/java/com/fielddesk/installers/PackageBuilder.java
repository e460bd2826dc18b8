package com.fielddesk.installers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds FieldDesk's installers with the JDK's own tools, the same way on every OS:
 * jdeps finds the JDK modules the console needs, jlink makes a trimmed runtime of just those,
 * and jpackage wraps runtime + application jars into an app-image and the platform installer.
 *
 * <p>Run by the installers module at {@code package}; every argument comes from the pom, so the
 * Windows and macOS runners build .msi and .dmg from the same configuration.
 */
public final class PackageBuilder {

    private final PackagingSettings settings;

    public PackageBuilder(PackagingSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws IOException {
        PackagingSettings settings = PackagingSettings.fromArguments(args);
        new PackageBuilder(settings).build();
    }

    public void build() throws IOException {
        Path work = settings.outputDirectory();
        deleteRecursively(work.resolve("runtime"));
        deleteRecursively(work.resolve("app-image"));
        Files.createDirectories(work.resolve("installer"));

        List<String> modules = requiredModules();
        log("JDK modules needed (jdeps): " + String.join(",", modules));
        Path runtime = work.resolve("runtime");
        run("jlink", List.of(
                "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-header-files", "--no-man-pages",
                "--compress=2",
                "--output", runtime.toString()));

        Path icon = IconRenderer.writeIcon(work.resolve("icon"), Platform.current());
        List<String> common = commonJpackageArguments(runtime, icon);

        List<String> appImage = new ArrayList<>(common);
        appImage.addAll(List.of("--type", "app-image", "--dest", work.resolve("app-image").toString()));
        run("jpackage", appImage);
        log("App image: " + work.resolve("app-image").resolve(settings.name()));

        for (String installerType : settings.installerTypes()) {
            List<String> installer = new ArrayList<>(common);
            installer.addAll(List.of("--type", installerType, "--dest", work.resolve("installer").toString()));
            installer.addAll(platformInstallerArguments(installerType));
            run("jpackage", installer);
        }
        try (Stream<Path> built = Files.list(work.resolve("installer"))) {
            built.forEach(file -> log("Installer: " + file + " (" + sizeInMegabytes(file) + " MB)"));
        }
    }

    private List<String> requiredModules() {
        List<String> arguments = new ArrayList<>(List.of(
                "--ignore-missing-deps", "--print-module-deps", "--multi-release", "17",
                "--class-path", classPathOfInputJars()));
        arguments.add(settings.inputDirectory().resolve(settings.mainJar()).toString());
        String printed = run("jdeps", arguments).trim();
        List<String> modules = new ArrayList<>(List.of(printed.split(",")));
        // Loaded reflectively or by service lookup, so jdeps cannot see them: TLS to hosted Supabase
        // (elliptic-curve ciphers), DNS lookups by name, zip file systems for the bundled SQL, the
        // JVM's own diagnostics that JavaFX and logging reach for, and the Unix user lookup with
        // which the embedded PostgreSQL sees it runs as root and starts itself in a user namespace
        // (initdb refuses root), the default random generator behind retry jitter, and extra charsets.
        for (String extra : List.of("jdk.crypto.ec", "jdk.naming.dns", "jdk.zipfs", "jdk.localedata",
                "jdk.unsupported", "jdk.jfr", "java.management", "jdk.management", "jdk.security.auth",
                "jdk.random", "jdk.charsets")) {
            if (!modules.contains(extra)) {
                modules.add(extra);
            }
        }
        modules.sort(Comparator.naturalOrder());
        return modules;
    }

    private String classPathOfInputJars() {
        try (Stream<Path> jars = Files.list(settings.inputDirectory())) {
            return String.join(java.io.File.pathSeparator,
                    jars.filter(jar -> jar.toString().endsWith(".jar")).map(Path::toString).sorted().toList());
        } catch (IOException e) {
            throw new PackagingException("Cannot list " + settings.inputDirectory(), e);
        }
    }

    private List<String> commonJpackageArguments(Path runtime, Path icon) {
        List<String> arguments = new ArrayList<>(List.of(
                "--name", settings.name(),
                "--app-version", settings.numericVersion(),
                "--vendor", settings.vendor(),
                "--description", settings.description(),
                "--copyright", settings.copyright(),
                "--input", settings.inputDirectory().toString(),
                "--main-jar", settings.mainJar(),
                "--main-class", settings.mainClass(),
                "--runtime-image", runtime.toString(),
                "--icon", icon.toString()));
        for (String option : settings.javaOptions()) {
            arguments.add("--java-options");
            arguments.add(option);
        }
        return arguments;
    }

    private List<String> platformInstallerArguments(String installerType) {
        return switch (installerType) {
            case "deb", "rpm" -> List.of(
                    "--linux-package-name", settings.name().toLowerCase(Locale.ROOT),
                    "--linux-menu-group", "Office",
                    "--linux-app-category", "office",
                    "--linux-shortcut",
                    "--linux-deb-maintainer", settings.maintainerEmail());
            case "msi", "exe" -> List.of(
                    "--win-per-user-install",
                    "--win-menu", "--win-menu-group", settings.name(),
                    "--win-shortcut", "--win-dir-chooser",
                    "--win-upgrade-uuid", settings.windowsUpgradeUuid());
            case "dmg", "pkg" -> List.of(
                    "--mac-package-identifier", settings.macPackageIdentifier(),
                    "--mac-package-name", settings.name());
            default -> throw new PackagingException("Unknown installer type " + installerType, null);
        };
    }

    /** Runs a JDK tool in-process and returns what it printed; a non-zero exit is an error. */
    private static String run(String toolName, List<String> arguments) {
        ToolProvider tool = ToolProvider.findFirst(toolName)
                .orElseThrow(() -> new PackagingException(toolName + " is not in this JDK; build with a full JDK 17+", null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        log(toolName + " " + String.join(" ", arguments));
        int exit;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = tool.run(outStream, errStream, arguments.toArray(String[]::new));
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        String errors = err.toString(StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new PackagingException(toolName + " failed (exit " + exit + "):\n" + printed + errors, null);
        }
        if (!errors.isBlank()) {
            log(errors.strip());
        }
        return printed;
    }

    private static long sizeInMegabytes(Path file) {
        try {
            return Math.round(Files.size(file) / (1024.0 * 1024.0));
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    private static void log(String line) {
        System.out.println("[installers] " + line);
    }

    /** Maps {@code --key value} pairs; values may repeat (java options). */
    static Map<String, List<String>> parseArguments(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new PackagingException("Expected --option value pairs, got: " + String.join(" ", args), null);
            }
            options.computeIfAbsent(args[i].substring(2), key -> new ArrayList<>()).add(args[++i]);
        }
        return options;
    }
}
