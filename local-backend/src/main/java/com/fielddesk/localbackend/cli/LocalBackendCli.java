package com.fielddesk.localbackend.cli;

import java.util.List;
import java.util.Locale;
import com.fielddesk.localbackend.DemoDataOption;
import com.fielddesk.localbackend.LocalBackend;
import com.fielddesk.localbackend.LocalBackendConfig;
import com.fielddesk.localbackend.LocalBackendOptions;
import com.fielddesk.localbackend.demo.DemoLogin;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code local-backend serve [--port N] [--data DIR] [--reset] [--scale N] [--no-demo]}: starts the
 * backend in the foreground, prints its URL and keys, and runs until interrupted.
 */
public final class LocalBackendCli {

    static final String USAGE = """
            usage: local-backend serve [--port N] [--data DIR] [--reset] [--scale N] [--no-demo]
              --port N    HTTP port on 127.0.0.1 (default 54321; 0 = any free port)
              --data DIR  data folder (default: the per-user FieldDesk data folder)
              --reset     wipe the database, keys and stored files first
              --scale N   load demo data of about N work orders on a first start
              --no-demo   load no demo data on a first start
            """;

    private LocalBackendCli() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalBackendConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        LocalBackend backend = LocalBackend.start(config,
                LocalBackendOptions.defaults().withProgress(line -> out.println("  " + line)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            backend.stop();
            stopped.countDown();
        }, "local-backend-stop"));
        printBanner(out, backend);
        stopped.await();
    }

    static LocalBackendConfig parse(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            throw new IllegalArgumentException("The only command is \"serve\".");
        }
        LocalBackendConfig defaults = LocalBackendConfig.defaults();
        Path data = defaults.dataDirectory();
        int port = defaults.port();
        boolean reset = false;
        DemoDataOption demo = DemoDataOption.standard();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = intValue(args, ++i, "--port");
                case "--data" -> data = Path.of(value(args, ++i, "--data"));
                case "--reset" -> reset = true;
                case "--scale" -> demo = DemoDataOption.scaled(intValue(args, ++i, "--scale"));
                case "--no-demo" -> demo = DemoDataOption.none();
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        return new LocalBackendConfig(data, port, reset, demo);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int intValue(String[] args, int index, String option) {
        try {
            return Integer.parseInt(value(args, index, option));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got " + args[index]);
        }
    }

    static void printBanner(PrintStream out, LocalBackend backend) {
        out.println();
        out.println("FieldDesk local-backend is running.");
        out.println("  API URL:          " + backend.url());
        out.println("  anon key:         " + backend.anonKey());
        out.println("  service_role key: " + backend.serviceRoleKey());
        out.println("  data folder:      " + backend.config().dataDirectory());
        if (!backend.demoLogins().isEmpty()) {
            out.println("Demo logins (password \"" + backend.demoLogins().get(0).password() + "\"):");
            for (DemoLogin login : backend.demoLogins()) {
                out.printf(Locale.ROOT, "  %-40s %-11s %s%n", login.email(), login.role(), login.companyName());
            }
        }
        List<DemoLogin> portal = backend.demoPortalLogins();
        if (!portal.isEmpty()) {
            out.println("Portal customers (same password; for supabase-js or a portal, not the console):");
            for (DemoLogin login : portal) {
                out.printf(Locale.ROOT, "  %-40s %-11s %s%n", login.email(), login.role(), login.companyName());
            }
        }
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }
}
