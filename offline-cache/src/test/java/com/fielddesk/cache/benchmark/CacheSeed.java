package com.fielddesk.cache.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.Json;
import com.fielddesk.cache.store.LocalRows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.IntFunction;

/** Fills a cache the way sync pulls do (pages of server rows), with seeded, realistic-looking rows. */
final class CacheSeed {

    static final List<String> STATUSES = List.of("unscheduled", "scheduled", "dispatched", "en_route", "on_site",
            "completed", "canceled");
    static final String[] FIRST = {"Northwind", "Contoso", "Fabrikam", "Adatum", "Litware", "Proseware", "Tailspin",
            "Wingtip", "Margie", "Alpine", "Blue Yonder", "Coho", "Fourth Coffee", "Humongous", "Lucerne", "Trey"};
    static final String[] LAST = {"Heating", "Plumbing", "Electric", "Bakery", "Dental", "Motors", "Studio", "Farms",
            "Logistics", "Books", "Hotel", "Clinic", "Garage", "School", "Market", "Works"};
    static final String[] WORK = {"Boiler service", "Leaking tap", "Radiator bleed", "Heat pump install", "Fuse box check",
            "Water heater repair", "Thermostat swap", "Drain unblock", "AC tune-up", "Pipe burst", "Socket install"};
    static final String[] CITIES = {"Springfield", "Shelbyville", "Ogdenville", "Brockway", "Capital City", "Łódź",
            "North Haverbrook", "Cypress Creek"};
    static final String[] STREETS = {"Elm St", "Oak Ave", "Maple Rd", "Harbour Road", "High Street", "Evergreen Terrace"};

    private CacheSeed() {
    }

    static void pages(CacheDatabase database, String table, int rows, IntFunction<ObjectNode> row) {
        LocalRows localRows = new LocalRows(database.catalog());
        for (int start = 0; start < rows; start += 5_000) {
            int from = start;
            int to = Math.min(rows, start + 5_000);
            database.write(connection -> {
                try (LocalRows.RowWriter writer = localRows.upsertWriter(connection, table)) {
                    for (int i = from; i < to; i++) {
                        writer.addBatch(row.apply(i));
                    }
                    writer.executeBatch();
                }
                database.markTouched(table);
                return null;
            });
        }
    }

    static List<UUID> customers(CacheDatabase database, int count, SplittableRandom random) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        pages(database, "customers", count, i -> {
            ObjectNode row = Json.object();
            row.put("id", ids.get(i).toString());
            row.put("full_name", FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)] + " " + i);
            row.put("phone", "555-" + (1000 + random.nextInt(9000)));
            row.put("email", "c" + i + "@example.test");
            row.put("version", 1);
            row.put("created_at", "2026-01-01T00:00:00+00:00");
            return row;
        });
        pages(database, "customer_addresses", count, i -> {
            ObjectNode row = Json.object();
            row.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
            row.put("customer_id", ids.get(i).toString());
            row.put("street", (1 + random.nextInt(300)) + " " + STREETS[random.nextInt(STREETS.length)]);
            row.put("city", CITIES[random.nextInt(CITIES.length)]);
            row.put("postal_code", String.valueOf(10000 + random.nextInt(89999)));
            row.put("version", 1);
            return row;
        });
        return ids;
    }

    static List<UUID> workOrders(CacheDatabase database, int count, List<UUID> customers, SplittableRandom random) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        Instant base = Instant.parse("2026-01-01T08:00:00Z");
        pages(database, "work_orders", count, i -> workOrder(ids.get(i), i, customers.get(random.nextInt(customers.size())),
                base.plusSeconds(random.nextInt(365 * 24 * 3600)), random));
        return ids;
    }

    static ObjectNode workOrder(UUID id, int number, UUID customer, Instant start, SplittableRandom random) {
        ObjectNode row = Json.object();
        row.put("id", id.toString());
        row.put("number", number + 1);
        row.put("stage", "job");
        row.put("status", STATUSES.get(random.nextInt(STATUSES.size())));
        row.put("title", WORK[random.nextInt(WORK.length)]);
        row.put("description", "Customer reports: " + WORK[random.nextInt(WORK.length)].toLowerCase(java.util.Locale.ROOT)
                + " at the " + STREETS[random.nextInt(STREETS.length)] + " site");
        row.put("customer_id", customer.toString());
        // As PostgREST sends it: an offset, with a fraction only when there is one.
        row.put("scheduled_start", start.toString().replace("Z", "+00:00"));
        row.put("total", (random.nextInt(100_000) / 100.0) + "");
        row.put("priority", random.nextInt(10) == 0 ? "high" : "normal");
        row.put("version", 1);
        row.put("created_at", "2026-01-01T00:00:00+00:00");
        return row;
    }

    static void leads(CacheDatabase database, int count, SplittableRandom random) {
        pages(database, "lead_pool", count, i -> {
            ObjectNode row = Json.object();
            row.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
            row.put("status", "open");
            row.put("trade", random.nextBoolean() ? "hvac" : "plumbing");
            row.put("description", WORK[random.nextInt(WORK.length)] + " needed, " + STREETS[random.nextInt(STREETS.length)]);
            row.put("city", CITIES[random.nextInt(CITIES.length)]);
            row.put("postal_code", String.valueOf(10000 + random.nextInt(89999)));
            row.put("posted_at", Instant.parse("2026-11-01T00:00:00Z").plusSeconds(random.nextInt(30 * 24 * 3600)).toString());
            row.put("version", 1);
            return row;
        });
    }

    /** The p-quantile of sorted nanoseconds, in ms. */
    static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
