package com.fielddesk.installers;

import com.fielddesk.localbackend.demo.DemoDataGenerator;
import com.fielddesk.localbackend.demo.DemoLogin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Installs the .deb this build made, launches the installed FieldDesk under a private Xvfb display
 * on the Local demo, and signs in as a demo dispatcher with the keyboard, as a person would:
 * the sign-in window must appear, and signing in must reach the lead pool. Screenshots land in
 * target/packaging-screenshots. Needs Linux and root (dpkg); the X tools it drives are installed
 * from Debian's packages when missing.
 */
class InstalledDebianPackageIT {

    private static final Path BUILD = Path.of("target");
    private static final Path SCREENSHOTS = BUILD.resolve("packaging-screenshots");
    private static final Path INSTALLED_LAUNCHER = Path.of("/opt/fielddesk/bin/FieldDesk");
    private static final String DISPLAY = ":" + (150 + (int) (ProcessHandle.current().pid() % 300));

    private static Process xvfb;
    private static Process console;
    private static Path userHome;

    @BeforeAll
    static void installPackage() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"),
                "the .deb packaging test runs on Linux only");
        assumeTrue("0".equals(output(List.of("id", "-u"), Duration.ofSeconds(10)).trim()),
                "installing a .deb needs root; run the build as root (CI does) to exercise it");
        ensureDebianPackages("xvfb", "xdotool", "x11-utils", "x11-apps", "imagemagick", "libgtk-3-0", "libgl1",
                "libxtst6", "fonts-dejavu-core");
        // Every Linux desktop has these menu folders; a bare build box may not, and the package's
        // menu-entry scripts (xdg-desktop-menu) refuse to run without them.
        for (String menuFolder : List.of("/usr/share/applications", "/usr/share/desktop-directories")) {
            Files.createDirectories(Path.of(menuFolder));
        }
        Path deb = builtDebianPackage();
        run(List.of("apt-get", "install", "-y", "-q", "--reinstall", deb.toAbsolutePath().toString()), Duration.ofMinutes(5));
        assertThat(INSTALLED_LAUNCHER).isExecutable();
        Files.createDirectories(SCREENSHOTS);
        userHome = Files.createTempDirectory("fielddesk-installed-home-");
        xvfb = new ProcessBuilder("Xvfb", DISPLAY, "-screen", "0", "1440x900x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(BUILD.resolve("xvfb.log").toFile()).start();
        run(List.of("sh", "-c", "until xdpyinfo -display " + DISPLAY + " >/dev/null 2>&1; do sleep 0.2; done"),
                Duration.ofSeconds(30));
    }

    @AfterAll
    static void uninstall() throws Exception {
        if (console != null) {
            console.destroy();
            if (!console.waitFor(30, TimeUnit.SECONDS)) {
                console.destroyForcibly();
            }
        }
        if (xvfb != null) {
            xvfb.destroyForcibly();
        }
        if (Files.exists(INSTALLED_LAUNCHER)) {
            run(List.of("dpkg", "--purge", "fielddesk"), Duration.ofMinutes(2));
        }
        if (userHome != null) {
            // The installed console's home holds its embedded database (~270 MB): not left in /tmp.
            try (java.util.stream.Stream<Path> walk = Files.walk(userHome)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void installedConsoleOpensOnTheLocalDemoAndSigningInReachesTheLeadPool() throws Exception {
        long launchedAt = System.nanoTime();
        ProcessBuilder launch = new ProcessBuilder(INSTALLED_LAUNCHER.toString())
                .redirectErrorStream(true).redirectOutput(BUILD.resolve("installed-console.log").toFile());
        launch.environment().put("DISPLAY", DISPLAY);
        launch.environment().put("HOME", userHome.toString());
        launch.environment().put("XDG_DATA_HOME", userHome.resolve(".local/share").toString());
        console = launch.start();

        String signInWindow = waitForWindow("FieldDesk", Duration.ofSeconds(90));
        long coldStartMillis = (System.nanoTime() - launchedAt) / 1_000_000;
        System.out.println("[packaging] installed console showed its window after " + coldStartMillis + " ms");
        screenshot("1-sign-in.png");

        DemoLogin dispatcher = DemoDataGenerator.demoLogins().stream()
                .filter(login -> login.role().equals("dispatcher")).findFirst().orElseThrow();
        // The email field has the focus when the sign-in window opens. (A bare Xvfb has no window
        // manager to "activate" windows, so give the window the keyboard directly.)
        xdotool("windowfocus", "--sync", signInWindow);
        xdotool("type", "--delay", "20", dispatcher.email());
        xdotool("key", "Tab");
        xdotool("type", "--delay", "20", dispatcher.password());
        xdotool("key", "Return");

        // The first start creates the embedded database and the demo data before the console opens.
        waitForWindow("Leads", Duration.ofMinutes(4));
        screenshot("2-lead-pool.png");
        assertThat(console.isAlive()).as("the installed console is still running").isTrue();
    }

    private static String waitForWindow(String namePattern, Duration limit) throws Exception {
        String ids = output(List.of("xdotool", "search", "--sync", "--onlyvisible", "--name", namePattern), limit);
        String first = ids.lines().findFirst().orElse("").trim();
        assertThat(first).as("a visible window named like '%s'; see %s", namePattern,
                BUILD.resolve("installed-console.log")).isNotBlank();
        return first;
    }

    private static void xdotool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(arguments));
        run(command, Duration.ofSeconds(30));
    }

    private static void screenshot(String name) throws Exception {
        run(List.of("sh", "-c", "xwd -root -silent -display " + DISPLAY + " | convert xwd:- "
                + SCREENSHOTS.resolve(name).toAbsolutePath()), Duration.ofSeconds(30));
    }

    private static Path builtDebianPackage() throws IOException {
        try (Stream<Path> files = Files.list(BUILD.resolve("jpackage/installer"))) {
            return files.filter(file -> file.toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("the build made no .deb in target/jpackage/installer"));
        }
    }

    private static void ensureDebianPackages(String... packages) throws Exception {
        List<String> missing = new ArrayList<>();
        for (String name : packages) {
            if (!output(List.of("sh", "-c", "dpkg-query -W -f='${Status}' " + name + " 2>/dev/null || true"),
                    Duration.ofSeconds(20)).contains("install ok installed")) {
                missing.add(name);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        run(List.of("apt-get", "update", "-q"), Duration.ofMinutes(5));
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends"));
        install.addAll(missing);
        run(install, Duration.ofMinutes(10));
    }

    private static void run(List<String> command, Duration limit) throws Exception {
        output(command, limit);
    }

    /** Runs a command with the test's display; fails with its output when it fails or overruns. */
    private static String output(List<String> command, Duration limit) throws Exception {
        // Output goes to a file, so a chatty command (apt-get) never blocks on a full pipe.
        Path printed = Files.createTempFile("installers-command-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(printed.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().put("DISPLAY", DISPLAY);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
                throw new AssertionError("timed out after " + limit.toSeconds() + " s: " + String.join(" ", command));
            }
            return checked(command, process.exitValue(), Files.readString(printed, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(printed);
        }
    }

    private static String checked(List<String> command, int exitValue, String text) {
        if (exitValue != 0) {
            throw new AssertionError("failed (exit " + exitValue + "): " + String.join(" ", command) + "\n" + text);
        }
        return text;
    }
}
