package com.fielddesk.localbackend.db;

import java.util.List;

/**
 * The installer local-backend starts with. Until a checkout has any {@code supabase/migrations}
 * (a fresh project), the platform bootstrap alone is installed instead of failing the start.
 */
public final class BackendSchema {

    private BackendSchema() {
    }

    public static SchemaInstaller installer() {
        List<SqlScript> migrations;
        try {
            migrations = ClasspathScripts.load(SchemaInstaller.MIGRATIONS_FOLDER);
        } catch (IllegalStateException noMigrationsFolder) {
            migrations = List.of();
        }
        return new SchemaInstaller(ClasspathScripts.load(SchemaInstaller.PLATFORM_FOLDER), migrations);
    }
}
