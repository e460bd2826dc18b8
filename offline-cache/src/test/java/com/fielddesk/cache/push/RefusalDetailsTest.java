package com.fielddesk.cache.push;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.conflict.ConflictLog;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.outbox.OutboxEntry;
import com.fielddesk.cache.remote.MutationCodec;
import com.fielddesk.cache.remote.MutationRequest;
import com.fielddesk.cache.remote.MutationResult;
import com.fielddesk.cache.remote.RemotePage;
import com.fielddesk.cache.remote.RemoteTables;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.SyncedTable;
import com.fielddesk.cache.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * apply_mutations answers gain {@code "details": {…}|null} next to code and message (servers that
 * code their refusals); older servers send none. The server that sends them is being built in
 * parallel, so its answer is written out here as it will come.
 */
class RefusalDetailsTest {

    @TempDir
    Path folder;

    private static ArrayNode answer(String mutationId, String details) {
        return (ArrayNode) Json.parse("""
                [{"mutation_id": "%s", "status": "rejected", "code": "P0001",
                  "message": "Cannot move a job from completed to scheduled; a supervisor must reopen it."%s,
                  "row": null}]
                """.replace("%s\"", mutationId + "\"").replace("%s", details));
    }

    @Test
    void theDecoderReadsDetailsAsAnObjectOrJsonTextAndToleratesNone() {
        String id = "00000000-0000-0000-0000-000000000001";
        MutationResult coded = MutationCodec.decode(answer(id, ", \"details\": {\"code\": \"transition_refused\", \"from\": \"completed\"}")).get(0);
        assertThat(coded.details().get("code").asText()).isEqualTo("transition_refused");
        MutationResult asText = MutationCodec.decode(answer(id, ", \"details\": \"{\\\"code\\\": \\\"x\\\"}\"")).get(0);
        assertThat(asText.details().get("code").asText()).isEqualTo("x");
        assertThat(MutationCodec.decode(answer(id, ", \"details\": null")).get(0).details()).isNull();
        assertThat(MutationCodec.decode(answer(id, "")).get(0).details()).isNull();
        assertThat(MutationCodec.decode(answer(id, "")).get(0).code()).isEqualTo("P0001");
    }

    @Test
    void aQuarantinedChangeKeepsTheServersDetails() throws Exception {
        try (CacheDatabase database = CacheDatabase.open(folder.resolve("cache.db"))) {
            Outbox outbox = new Outbox();
            String id = new Repositories(database, outbox, Clock.systemUTC()).table("work_orders")
                    .insert(Map.of("title", "Job"));
            RemoteTables refusing = new RemoteTables() {
                @Override
                public long watermark() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public RemotePage fetchPage(SyncedTable table, long fromXid, PageKey after, int limit) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Optional<ObjectNode> fetchRow(String table, String rowId) {
                    return Optional.empty();
                }

                @Override
                public List<MutationResult> applyMutations(List<MutationRequest> batch) {
                    return MutationCodec.decode(answer(batch.get(0).mutationId().toString(),
                            ", \"details\": {\"code\": \"transition_refused\", \"from\": \"completed\", \"to\": \"scheduled\"}"));
                }
            };
            new Pusher(database, refusing, outbox, new ConflictLog(), Clock.systemUTC(), 10).drain();
            OutboxEntry quarantined = database.read(outbox::quarantined).get(0);
            assertThat(quarantined.rowId()).isEqualTo(id);
            assertThat(quarantined.errorCode()).isEqualTo("P0001");
            assertThat(quarantined.errorDetails().get("code").asText()).isEqualTo("transition_refused");
            assertThat(quarantined.errorDetails().get("to").asText()).isEqualTo("scheduled");
        }
    }
}
