package com.fielddesk.localbackend.schema;

import java.util.Locale;
import com.fielddesk.localbackend.testing.AsUser;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WorkOrderTransitionsTest {

    private static DataSource database;
    private static TenantFixtures fixtures;
    private Company company;
    private AppUser dispatcher;
    private AppUser supervisor;
    private AppUser technician;
    private UUID customer;

    /** One database for the class; every test works in a company of its own. */
    @BeforeAll
    static void createDatabase() {
        fixtures = TenantFixtures.onNewDatabase();
        database = fixtures.superuser();
    }

    @BeforeEach
    void createCompanyWithStaff() {
        TenantFixtures.Crew crew = fixtures.crew("Bright Sparks", "Dana Client", "dispatcher", "supervisor", "technician");
        company = crew.company();
        dispatcher = crew.member("dispatcher");
        supervisor = crew.member("supervisor");
        technician = crew.member("technician");
        customer = crew.customer();
    }

    @Test
    void jobWalksTheDispatchFlowAndEveryStepIsInItsHistory() throws SQLException {
        UUID job = newJob();
        schedule(job);
        for (String status : List.of("dispatched", "en_route", "on_site", "completed")) {
            moveJob(dispatcher, job, status);
        }

        List<String> history = AsUser.run(database, dispatcher.identity(), c -> Sql.rows(c, """
                select coalesce(from_status, '-') || '>' || to_status as step, changed_by
                  from public.work_order_status_history where work_order_id = ? and status_field = 'status'
                 order by changed_at, created_at""", job)).stream().map(row -> (String) row.get("step")).toList();
        assertThat(history).containsExactly("->unscheduled", "unscheduled>scheduled", "scheduled>dispatched",
                "dispatched>en_route", "en_route>on_site", "on_site>completed");
        assertThat(Sql.count(database, """
                select count(*) from public.work_order_status_history
                 where work_order_id = ? and from_status = 'en_route' and changed_by = ?""", job, dispatcher.id())).isOne();
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            unscheduled | completed  | Cannot move a job from unscheduled to completed.
            unscheduled | on_site    | Cannot move a job from unscheduled to on_site.
            scheduled   | completed  | Cannot move a job from scheduled to completed.
            completed   | scheduled  | Cannot move a job from completed to scheduled; a supervisor must reopen it.
            completed   | dispatched | Cannot move a job from completed to dispatched; a supervisor must reopen it.
            canceled    | scheduled  | Cannot move a job from canceled to scheduled; a supervisor must reopen it.
            """)
    void illegalJobMovesAreRefusedWithAReadableMessage(String from, String to, String message) throws SQLException {
        UUID job = jobIn(from);

        SQLException refused = Refusals.of(() -> moveJob(dispatcher, job, to));

        assertThat(refused.getSQLState()).isEqualTo("23514");
        assertThat(refused.getMessage()).contains(message);
        assertThat(statusOf(job)).isEqualTo(from);
    }

    @Test
    void supervisorReopensACompletedJob() throws SQLException {
        UUID job = jobIn("completed");

        moveJob(supervisor, job, "scheduled");

        assertThat(statusOf(job)).isEqualTo("scheduled");
    }

    @Test
    void quoteMovesThroughItsOwnStatusesAndBecomesAJobOnlyOnceAccepted() throws SQLException {
        UUID quote = AsUser.run(database, dispatcher.identity(), c -> Sql.value(c, """
                insert into public.work_orders (stage, title, total, customer_id)
                values ('quote', 'Replace water heater', 1850.00, ?) returning id""", customer));

        SQLException skipped = Refusals.of(() -> update(dispatcher, "update public.work_orders set quote_status = 'accepted' where id = ?", quote));
        update(dispatcher, "update public.work_orders set quote_status = 'sent' where id = ?", quote);
        SQLException tooEarly = Refusals.of(() -> update(dispatcher, "update public.work_orders set stage = 'job' where id = ?", quote));
        update(dispatcher, "update public.work_orders set quote_status = 'accepted' where id = ?", quote);
        update(dispatcher, "update public.work_orders set stage = 'job' where id = ?", quote);
        SQLException backwards = Refusals.of(() -> update(dispatcher, "update public.work_orders set stage = 'quote' where id = ?", quote));

        assertThat(skipped.getMessage()).contains("Cannot move a quote from draft to accepted.");
        assertThat(tooEarly.getMessage()).contains("Only an accepted quote can become a job (this one is sent).");
        assertThat(backwards.getMessage()).contains("A job cannot turn back into a quote.");
        assertThat(statusOf(quote)).isEqualTo("unscheduled");
    }

    @Test
    void numbersAreAssignedPerCompanyInOrderAndClientNumbersIgnored() throws SQLException {
        Company other = fixtures.company("Other Co");
        UUID first = newJob();
        UUID second = AsUser.run(database, dispatcher.identity(), c -> Sql.value(c, """
                insert into public.work_orders (title, customer_id, number) values ('Second', ?, 999) returning id""", customer));
        UUID otherFirst = fixtures.job(other);

        assertThat(numberOf(first)).isEqualTo(1);
        assertThat(numberOf(second)).isEqualTo(2);
        assertThat(numberOf(otherFirst)).isEqualTo(1);
        update(dispatcher, "update public.work_orders set number = null, title = 'Renamed' where id = ?", first);
        assertThat(numberOf(first)).as("a client cannot renumber, even by resending null").isEqualTo(1);
    }

    @Test
    void onlyActiveTechniciansOfTheCompanyCanBeAssigned() throws SQLException {
        UUID job = newJob();

        SQLException notATechnician = Refusals.of(() -> update(dispatcher,
                "update public.work_orders set technician_id = '" + dispatcher.id() + "' where id = ?", job));
        update(dispatcher, "update public.work_orders set technician_id = '" + technician.id() + "' where id = ?", job);

        assertThat(notATechnician.getMessage())
                .contains("Work can only be assigned to an active technician of the same company.");
    }

    @Test
    void technicianMovesOnlyTheirOwnJobs() throws SQLException {
        UUID mine = jobIn("dispatched");
        UUID notMine = newJob();

        moveJob(technician, mine, "en_route");
        int changed = AsUser.run(database, technician.identity(), c -> Sql.update(c,
                "update public.work_orders set status = 'scheduled' where id = ?", notMine));

        assertThat(statusOf(mine)).isEqualTo("en_route");
        assertThat(changed).isZero();
    }

    private UUID newJob() throws SQLException {
        return AsUser.run(database, dispatcher.identity(), c -> Sql.value(c,
                "insert into public.work_orders (title, customer_id) values ('No cooling', ?) returning id", customer));
    }

    private void schedule(UUID job) throws SQLException {
        update(dispatcher, String.format(Locale.ROOT, """
                update public.work_orders set status = 'scheduled', technician_id = '%s',
                       scheduled_start = now() + interval '1 day', scheduled_end = now() + interval '1 day 2 hours'
                 where id = ?""", technician.id()), job);
    }

    /** A job brought to the status through legal moves (the superuser may not skip any either). */
    private UUID jobIn(String status) throws SQLException {
        UUID job = newJob();
        List<String> path = switch (status) {
            case "unscheduled" -> List.of();
            case "scheduled" -> List.of("scheduled");
            case "dispatched" -> List.of("scheduled", "dispatched");
            case "completed" -> List.of("scheduled", "dispatched", "en_route", "on_site", "completed");
            case "canceled" -> List.of("canceled");
            default -> throw new IllegalArgumentException(status);
        };
        for (String step : path) {
            if (step.equals("scheduled")) {
                schedule(job);
            } else {
                moveJob(dispatcher, job, step);
            }
        }
        assertThat(statusOf(job)).isEqualTo(status);
        return job;
    }

    private void moveJob(AppUser user, UUID job, String status) throws SQLException {
        int changed = AsUser.run(database, user.identity(), c -> Sql.update(c,
                "update public.work_orders set status = ? where id = ?", status, job));
        assertThat(changed).isOne();
    }

    private void update(AppUser user, String sql, UUID id) throws SQLException {
        int changed = AsUser.run(database, user.identity(), c -> Sql.update(c, sql, id));
        assertThat(changed).as(sql).isOne();
    }

    private String statusOf(UUID workOrder) throws SQLException {
        return Sql.value(database, "select status from public.work_orders where id = ?", workOrder);
    }

    private int numberOf(UUID workOrder) throws SQLException {
        Integer number = Sql.value(database, "select number from public.work_orders where id = ?", workOrder);
        return number;
    }
}
