package com.fielddesk.desktop.leads;

import com.fielddesk.domain.jobs.WorkOrderStatus;
import com.fielddesk.domain.leads.ClaimedLead;
import com.fielddesk.domain.leads.Lead;
import com.fielddesk.domain.leads.LeadId;
import com.fielddesk.domain.leads.PreferredWindow;
import com.fielddesk.domain.leads.Trade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/** Maps cache rows (JSON, as the server sent them) to the leads feature's records. */
final class LeadRows {
    private LeadRows() {
    }

    /** A pool row that is still open and not a tombstone, else empty. */
    static Optional<Lead> poolLead(ObjectNode row) {
        if (!isLive(row) || !"open".equals(text(row, "status"))) {
            return Optional.empty();
        }
        return Optional.of(Lead.of(LeadId.parse(text(row, "id")), Trade.fromCode(text(row, "trade")),
                text(row, "description"), row.path("emergency").asBoolean(false), text(row, "postal_code"),
                text(row, "city"), new PreferredWindow(instant(row, "preferred_start"), instant(row, "preferred_end")),
                Optional.ofNullable(instant(row, "posted_at")).orElseGet(() -> instant(row, "created_at"))));
    }

    /** A service request this company claimed, joined with its job from {@code jobsById}. */
    static Optional<ClaimedLead> claimedLead(ObjectNode row, Map<String, ObjectNode> jobsById) {
        if (!isLive(row) || row.path("company_id").isNull() || row.path("claimed_at").isNull()) {
            return Optional.empty();
        }
        String workOrderId = row.path("work_order_id").isNull() ? null : text(row, "work_order_id");
        ClaimedLead.Job job = null;
        ObjectNode jobRow = workOrderId == null ? null : jobsById.get(workOrderId);
        if (jobRow != null) {
            JsonNode number = jobRow.path("number");
            job = new ClaimedLead.Job(workOrderId, number.isNumber() ? number.longValue() : null,
                    WorkOrderStatus.fromCode(jobRow.path("status").asText("unscheduled")));
        }
        return Optional.of(new ClaimedLead(LeadId.parse(text(row, "id")), Trade.fromCode(text(row, "trade")),
                text(row, "description"), row.path("emergency").asBoolean(false), text(row, "customer_name"),
                text(row, "customer_phone"), text(row, "customer_email"), text(row, "street_address"),
                text(row, "city"), text(row, "postal_code"), instant(row, "claimed_at"), job));
    }

    private static boolean isLive(ObjectNode row) {
        JsonNode deleted = row.get("deleted_at");
        return deleted == null || deleted.isNull();
    }

    private static String text(ObjectNode row, String column) {
        JsonNode value = row.get(column);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static Instant instant(ObjectNode row, String column) {
        JsonNode value = row.get(column);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        return OffsetDateTime.parse(value.asText()).toInstant();
    }
}
