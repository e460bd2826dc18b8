package com.fielddesk.cache.repository;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.store.CacheDatabase;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The repositories the console's screens use, one per synced table. */
public final class Repositories {

    private final CacheDatabase database;
    private final Outbox outbox;
    private final Clock clock;
    private final Map<String, TableRepository> byTable = new ConcurrentHashMap<>();

    public Repositories(CacheDatabase database, Outbox outbox, Clock clock) {
        this.database = database;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The repository of a synced table; a name that is not synced is a clear error. */
    public TableRepository table(String name) {
        return byTable.computeIfAbsent(name, n -> new TableRepository(database, outbox, clock, n));
    }
}
