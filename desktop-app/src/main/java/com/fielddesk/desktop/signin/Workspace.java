package com.fielddesk.desktop.signin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Where the console signs in: the built-in Local demo, or a hosted Supabase project. */
public sealed interface Workspace {

    /** A stable key for the workspace's local files (session, cache). */
    String key();

    String describe();

    record LocalDemo() implements Workspace {
        @Override
        public String key() {
            return "local-demo";
        }

        @Override
        public String describe() {
            return "Local demo";
        }
    }

    record SupabaseProject(URI url, String anonKey) implements Workspace {

        static final String URL_PROBLEM = "Enter the project URL, e.g. https://abcd.supabase.co";
        static final String ANON_KEY_PROBLEM = "Enter the project's anon key (Project settings → API).";

        public SupabaseProject {
            if (url == null || !(("https".equals(url.getScheme())) || "http".equals(url.getScheme())) || url.getHost() == null) {
                throw new IllegalArgumentException(URL_PROBLEM);
            }
            if (anonKey == null || anonKey.isBlank()) {
                throw new IllegalArgumentException(ANON_KEY_PROBLEM);
            }
        }

        /** Parses what the user typed; a clear error for anything that is not an http(s) URL. */
        public static SupabaseProject parse(String url, String anonKey) {
            try {
                return new SupabaseProject(new URI(url == null ? "" : url.strip()), anonKey == null ? null : anonKey.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(URL_PROBLEM);
            }
        }

        /** What is wrong with a typed project URL, if anything (shown beside the field). */
        public static Optional<String> urlProblem(String url) {
            try {
                URI parsed = new URI(url == null ? "" : url.strip());
                boolean web = "https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme());
                return web && parsed.getHost() != null ? Optional.empty() : Optional.of(URL_PROBLEM);
            } catch (URISyntaxException e) {
                return Optional.of(URL_PROBLEM);
            }
        }

        /** What is wrong with a typed anon key, if anything. */
        public static Optional<String> anonKeyProblem(String anonKey) {
            return anonKey == null || anonKey.isBlank() ? Optional.of(ANON_KEY_PROBLEM) : Optional.empty();
        }

        @Override
        public String key() {
            String text = url.toString().replaceAll("/+$", "");
            return "project-" + Integer.toHexString(text.hashCode()) + "-" + url.getHost().replaceAll("[^A-Za-z0-9.-]", "_");
        }

        @Override
        public String describe() {
            return url.getHost();
        }
    }
}
