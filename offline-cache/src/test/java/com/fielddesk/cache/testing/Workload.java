package com.fielddesk.cache.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.outbox.OutboxEntry;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.repository.TableRepository;
import com.fielddesk.cache.store.CacheDatabase;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Local edits whose server outcome can be checked exactly: every update gives a work order a
 * unique title, every insert creates a work order with a client id. After sync, each work order's
 * server {@code version} must be 1 + the number of updates made to it (a lost update leaves it
 * lower, a duplicated one higher), its title the last one written, every insert present once, the
 * ledger must hold every mutation id, and the cache must equal the server.
 */
public final class Workload {

    private final Tenant tenant;
    private final Random random;
    private final Map<String, List<String>> titlesByWorkOrder = new LinkedHashMap<>();
    private final List<String> inserted = new ArrayList<>();
    private final Set<UUID> allMutationIds = new LinkedHashSet<>();
    private int counter;

    public Workload(Tenant tenant, long seed) {
        this.tenant = tenant;
        this.random = new Random(seed);
    }

    /** Queues a few updates (to rows already cached) and one insert, as the console would. */
    public void queueRound(CacheDatabase database, int updates) {
        Repositories repositories = new Repositories(database, new Outbox(), Clock.systemUTC());
        TableRepository workOrders = repositories.table("work_orders");
        List<ObjectNode> cached = workOrders.list();
        for (int i = 0; i < updates && !cached.isEmpty(); i++) {
            String id = cached.get(random.nextInt(cached.size())).get("id").asText();
            String title = "title " + (++counter);
            workOrders.update(id, Map.of("title", title));
            titlesByWorkOrder.computeIfAbsent(id, k -> new ArrayList<>()).add(title);
        }
        String created = workOrders.insert(Map.of("title", "created " + (++counter), "stage", "job",
                "status", "unscheduled", "customer_id", tenant.customerId().toString()));
        inserted.add(created);
        database.read(connection -> new Outbox().all(connection)).forEach(e -> allMutationIds.add(e.mutationId()));
    }

    /**
     * Another user edits the description of a few of the company's work orders directly on the
     * server (so pulls and field merges have work to do); counted in the expected versions.
     */
    public void otherUserEdits(int rows) {
        List<String> ids = tenant.workOrderIds();
        for (int i = 0; i < rows && !ids.isEmpty(); i++) {
            String id = ids.get(random.nextInt(ids.size()));
            tenant.execute("update public.work_orders set description = ? where id = ?::uuid", "edit " + (++counter), id);
            externalEdits.merge(id, 1, Integer::sum);
        }
    }

    private final Map<String, Integer> externalEdits = new LinkedHashMap<>();

    public int mutationCount() {
        return allMutationIds.size();
    }

    public void verify(CacheDatabase database) {
        Repositories repositories = new Repositories(database, new Outbox(), Clock.systemUTC());
        TableRepository workOrders = repositories.table("work_orders");
        List<OutboxEntry> left = database.read(connection -> new Outbox().all(connection));
        assertThat(left).as("queue drained").isEmpty();
        for (Map.Entry<String, List<String>> entry : titlesByWorkOrder.entrySet()) {
            UUID id = UUID.fromString(entry.getKey());
            List<String> titles = entry.getValue();
            int others = externalEdits.getOrDefault(entry.getKey(), 0);
            assertThat(tenant.queryOne("select version from public.work_orders where id = ?", Integer.class, id))
                    .as("version of %s after %d updates and %d by others (none lost or applied twice)", id,
                            titles.size(), others)
                    .isEqualTo(1 + titles.size() + others);
            assertThat(tenant.queryOne("select title from public.work_orders where id = ?", String.class, id))
                    .isEqualTo(titles.get(titles.size() - 1));
        }
        for (String id : inserted) {
            assertThat(tenant.queryOne("select count(*) from public.work_orders where id = ?::uuid", Long.class, id))
                    .as("inserted once").isEqualTo(1L);
        }
        for (UUID mutationId : allMutationIds) {
            assertThat(tenant.queryOne("select count(*) from public.sync_mutations where mutation_id = ?", Long.class,
                    mutationId)).as("mutation %s recorded", mutationId).isEqualTo(1L);
        }
        // The cache equals the server for every work order of the company.
        long serverCount = tenant.queryOne("select count(*) from public.work_orders where company_id = ? and deleted_at is null",
                Long.class, tenant.companyId());
        assertThat((long) workOrders.count()).as("cache holds every work order").isEqualTo(serverCount);
        for (ObjectNode row : workOrders.list()) {
            UUID id = UUID.fromString(row.get("id").asText());
            assertThat(row.get("title").asText())
                    .isEqualTo(tenant.queryOne("select title from public.work_orders where id = ?", String.class, id));
            assertThat(row.get("version").asInt())
                    .isEqualTo(tenant.queryOne("select version from public.work_orders where id = ?", Integer.class, id));
        }
    }
}
