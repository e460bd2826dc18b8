package com.fielddesk.desktop.signin;

import java.net.URI;
import java.net.URISyntaxException;

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
        public SupabaseProject {
            if (url == null || !(("https".equals(url.getScheme())) || "http".equals(url.getScheme())) || url.getHost() == null) {
                throw new IllegalArgumentException("Enter the project URL, e.g. https://abcd.supabase.co");
            }
            if (anonKey == null || anonKey.isBlank()) {
                throw new IllegalArgumentException("Enter the project's anon key (Project settings → API).");
            }
        }

        /** Parses what the user typed; a clear error for anything that is not an http(s) URL. */
        public static SupabaseProject parse(String url, String anonKey) {
            try {
                return new SupabaseProject(new URI(url == null ? "" : url.strip()), anonKey == null ? null : anonKey.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("Enter the project URL, e.g. https://abcd.supabase.co");
            }
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
