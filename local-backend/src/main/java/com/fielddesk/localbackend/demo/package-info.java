/**
 * Deterministic demo data for the Local demo, the Supabase CLI (supabase/seed.sql) and benchmarks.
 *
 * <p>Three companies in the Portland, Oregon area with overlapping service areas, so leads are
 * contested: Northwind Heating &amp; Air (HVAC and plumbing, domain {@code northwind.demo}),
 * Bluewater Plumbing ({@code bluewater.demo}) and Brightline Electric (electrical and HVAC,
 * {@code brightline.demo}). Every person signs in with the password {@code fielddesk-demo}; the
 * emails are {@code <login>@<domain>} with login {@code admin}, {@code supervisor},
 * {@code dispatcher}, {@code csr}, {@code technician} … {@code technician4} (Northwind also has
 * {@code dispatcher2}) — {@link com.fielddesk.localbackend.demo.DemoDataGenerator#demoLogins()}
 * lists them all.
 *
 * <ul>
 *   <li>{@link com.fielddesk.localbackend.demo.DemoDataGenerator} — plans every row from a seed and
 *       an anchor instant, then writes it over JDBC or as SQL text.</li>
 *   <li>{@link com.fielddesk.localbackend.demo.DemoSeedFile} — regenerates supabase/seed.sql.</li>
 *   <li>{@link com.fielddesk.localbackend.demo.DemoBenchmark} — times standard and large loads.</li>
 * </ul>
 */
package com.fielddesk.localbackend.demo;
