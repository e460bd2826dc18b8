package com.fielddesk.localbackend.db;

import javax.sql.DataSource;

/**
 * The two logins of one database that setup work needs, as on hosted Supabase.
 *
 * @param superuser    {@code supabase_admin}: installs the platform bootstrap (what Supabase provides)
 * @param postgresRole {@code postgres}, not a superuser: applies {@code supabase/migrations} and loads the seed,
 *                     as {@code supabase db push} and {@code supabase db reset} do
 */
public record DatabaseLogins(DataSource superuser, DataSource postgresRole) {
}
