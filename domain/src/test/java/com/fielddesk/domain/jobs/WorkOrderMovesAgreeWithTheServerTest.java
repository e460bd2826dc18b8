package com.fielddesk.domain.jobs;

import com.fielddesk.domain.common.Role;
import com.fielddesk.localbackend.testing.AsUser;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.Crew;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transition table the console offers moves from, held against the server's trigger: every
 * (from, to) pair of job statuses for every role, every pair of quote statuses, and the stage
 * changes are tried on the real schema, and the table must allow exactly what the server allows.
 */
class WorkOrderMovesAgreeWithTheServerTest {

    private static final List<String> ROLES = List.of("csr", "dispatcher", "supervisor", "admin", "technician");

    private static TenantFixtures fixtures;
    private static Crew crew;

    @BeforeAll
    static void crew() {
        fixtures = TenantFixtures.onNewDatabase();
        crew = fixtures.crew("Move Rules Plumbing", "Rita Rules", ROLES.toArray(String[]::new));
    }

    @Test
    void everyJobMoveForEveryRoleIsAllowedExactlyWhenTheServerAllowsIt() {
        List<String> disagreements = new ArrayList<>();
        for (String roleCode : ROLES) {
            Role role = Role.fromCode(roleCode);
            for (WorkOrderStatus from : WorkOrderStatus.values()) {
                for (WorkOrderStatus to : WorkOrderStatus.values()) {
                    if (from.equals(to)) {
                        continue;
                    }
                    UUID job = jobIn(from);
                    boolean server = serverAccepts(crew.member(roleCode), "status", to.code(), job);
                    if (server != WorkOrderMoves.jobMoveAllowed(from, to, role)) {
                        disagreements.add(roleCode + ": " + from.code() + " → " + to.code() + " server "
                                + (server ? "allows" : "refuses"));
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void everyQuoteMoveIsAllowedExactlyWhenTheServerAllowsIt() {
        List<String> disagreements = new ArrayList<>();
        for (QuoteStatus from : QuoteStatus.values()) {
            for (QuoteStatus to : QuoteStatus.values()) {
                if (from.equals(to)) {
                    continue;
                }
                UUID quote = quoteIn(from);
                boolean server = serverAccepts(crew.member("dispatcher"), "quote_status", to.code(), quote);
                if (server != WorkOrderMoves.quoteMoveAllowed(from, to)) {
                    disagreements.add(from.code() + " → " + to.code() + " server " + (server ? "allows" : "refuses"));
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void onlyAnAcceptedQuoteBecomesAJobAndAJobNeverBecomesAQuote() {
        for (QuoteStatus status : QuoteStatus.values()) {
            boolean server = serverAccepts(crew.member("dispatcher"), "stage", "job", quoteIn(status));
            assertThat(server).as("quote %s → job", status.code())
                    .isEqualTo(WorkOrderMoves.canBecomeJob(WorkOrderStage.QUOTE, status));
        }
        assertThat(serverAccepts(crew.member("dispatcher"), "stage", "quote", jobIn(WorkOrderStatus.UNSCHEDULED)))
                .isFalse();
        assertThat(WorkOrderMoves.canBecomeJob(WorkOrderStage.JOB, QuoteStatus.ACCEPTED)).isFalse();
    }

    @Test
    void aStatusTheConsoleDoesNotKnowOffersNoMoves() {
        WorkOrderStatus future = WorkOrderStatus.fromCode("awaiting_parts");
        assertThat(future.isKnown()).isFalse();
        assertThat(future.label()).isEqualTo("awaiting_parts");
        assertThat(WorkOrderMoves.nextJobStatuses(future, Role.ADMIN)).isEmpty();
    }

    /** A job already in the status (inserted directly: the server checks moves on update only), with a window and the crew's technician. */
    private static UUID jobIn(WorkOrderStatus status) {
        return fixtures.insertReturningId("""
                insert into public.work_orders (company_id, stage, status, title, customer_id, scheduled_start,
                                                scheduled_end, technician_id)
                values (?, 'job', ?, 'Move rules', ?, now() + interval '1 day', now() + interval '1 day 2 hours', ?)
                returning id""", crew.company().id(), status.code(), crew.customer(), crew.member("technician").id());
    }

    private static UUID quoteIn(QuoteStatus status) {
        return fixtures.insertReturningId("""
                insert into public.work_orders (company_id, stage, quote_status, title, customer_id)
                values (?, 'quote', ?, 'Move rules', ?) returning id""",
                crew.company().id(), status.code(), crew.customer());
    }

    /** Whether the server lets this person set the column; a refusal rolls back and is a "no". */
    private static boolean serverAccepts(AppUser person, String column, String value, UUID workOrder) {
        try {
            int updated = AsUser.run(fixtures.superuser(), person.identity(), connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "update public.work_orders set " + column + " = ? where id = ?")) {
                    update.setString(1, value);
                    update.setObject(2, workOrder);
                    return update.executeUpdate();
                }
            });
            if (updated != 1) {
                throw new AssertionError(person.role() + " could not even see work order " + workOrder);
            }
            return true;
        } catch (SQLException refused) {
            if (!"23514".equals(refused.getSQLState())) {
                throw new AssertionError("Expected a rule refusal (23514), got " + refused.getSQLState() + ": "
                        + refused.getMessage(), refused);
            }
            return false;
        }
    }
}
