package com.fielddesk.localbackend.db;

/**
 * One SQL file to apply, named like the Supabase CLI names migrations:
 * {@code <version>_<name>.sql}, applied in version order.
 */
public record SqlScript(String version, String name, String sql) implements Comparable<SqlScript> {

    public static SqlScript fromFileName(String fileName, String sql) {
        String base = fileName.endsWith(".sql") ? fileName.substring(0, fileName.length() - 4) : fileName;
        int underscore = base.indexOf('_');
        if (underscore <= 0) {
            throw new IllegalArgumentException("SQL file name must be <version>_<name>.sql: " + fileName);
        }
        return new SqlScript(base.substring(0, underscore), base.substring(underscore + 1), sql);
    }

    @Override
    public int compareTo(SqlScript other) {
        return version.compareTo(other.version);
    }
}
