package com.fielddesk.desktop.app;

import java.net.URI;

/** A Supabase-compatible API: its base URL and anon key. */
public record Endpoint(URI url, String anonKey) {
}
