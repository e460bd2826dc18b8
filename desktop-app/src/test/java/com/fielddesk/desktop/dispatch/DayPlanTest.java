package com.fielddesk.desktop.dispatch;

import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.jobs.DispatchTray;
import com.fielddesk.domain.jobs.Priority;
import com.fielddesk.domain.jobs.Technician;
import com.fielddesk.domain.jobs.WorkOrderId;
import com.fielddesk.domain.jobs.WorkOrderStage;
import com.fielddesk.domain.jobs.WorkOrderStatus;
import com.fielddesk.domain.jobs.WorkOrderSummary;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The day's layout in minutes: daylight-saving days, overlaps, windows over midnight, booked hours. */
class DayPlanTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DispatchTray EMPTY_TRAY = new DispatchTray(new DispatchTray.Group(List.of(), 0),
            new DispatchTray.Group(List.of(), 0), new DispatchTray.Group(List.of(), 0));
    private final Technician ann = new Technician(UUID.randomUUID(), "Ann", Optional.of("#1f77b4"));
    private final Technician bob = new Technician(UUID.randomUUID(), "Bob", Optional.empty());

    @Test
    void onTheSpringForwardDayAJobKeepsItsRealLengthAndTheAxisShowsLocalHours() {
        LocalDate day = LocalDate.of(2026, 3, 8);   // 02:00 EST → 03:00 EDT
        WorkOrderSummary early = job(ann, day.atTime(1, 0), day.atTime(4, 0));

        DayPlan plan = DayPlan.of(day, NEW_YORK, List.of(ann), List.of(early), EMPTY_TRAY);

        assertThat(plan.dayMinutes()).isEqualTo(23 * 60);
        DayPlan.Placed placed = plan.lanes().get(0).jobs().get(0);
        assertThat(placed.startMinute()).isEqualTo(60);
        assertThat(placed.endMinute() - placed.startMinute()).as("01:00 EST to 04:00 EDT is two hours").isEqualTo(120);
        assertThat(plan.axisStart()).as("widened to the job").isEqualTo(60);
        assertThat(plan.hourTicks()).extracting(tick -> tick.getValue()).startsWith(
                LocalTime.of(1, 0), LocalTime.of(3, 0), LocalTime.of(4, 0));
    }

    @Test
    void aLaneWhoseJobWasRefusedIsAnotherLaneThanTheSameJobsWithoutTheRefusal() {
        // The view draws again only the lanes that differ: a refusal that comes after the pull
        // already put the job back where the server has it must still change the lane.
        LocalDate day = LocalDate.of(2026, 12, 7);
        WorkOrderSummary job = job(ann, day.atTime(10, 0), day.atTime(12, 0));

        DayPlan plain = DayPlan.of(day, NEW_YORK, List.of(ann), List.of(job), EMPTY_TRAY);
        DayPlan refused = DayPlan.of(day, NEW_YORK, List.of(ann), List.of(job), EMPTY_TRAY,
                java.util.Map.of(job.id(), "Work can only be assigned to an active technician of your company."));

        assertThat(refused.lanes().get(0)).isNotEqualTo(plain.lanes().get(0));
        assertThat(refused).isNotEqualTo(plain);
        assertThat(refused.lanes().get(0).jobs().get(0).refusal()).contains(
                "Work can only be assigned to an active technician of your company.");
        assertThat(plain.lanes().get(0).jobs().get(0).refusal()).isEmpty();
    }

    @Test
    void aRefusedJobInTheTrayMakesAnotherPlanThanTheSameTrayWithoutTheRefusal() {
        // Unassigned by the server: in no lane, listed in the tray; the refusal alone must change the plan.
        LocalDate day = LocalDate.of(2026, 12, 7);
        WorkOrderSummary unassigned = job(null, day.atTime(13, 0), day.atTime(15, 0));
        DispatchTray tray = new DispatchTray(new DispatchTray.Group(List.of(), 0),
                new DispatchTray.Group(List.of(unassigned), 1), new DispatchTray.Group(List.of(), 0));

        DayPlan plain = DayPlan.of(day, NEW_YORK, List.of(ann), List.of(unassigned), tray);
        DayPlan refused = DayPlan.of(day, NEW_YORK, List.of(ann), List.of(unassigned), tray,
                java.util.Map.of(unassigned.id(), "Work can only be assigned to an active technician of your company."));

        assertThat(refused.lanes()).isEqualTo(plain.lanes());
        assertThat(refused).isNotEqualTo(plain);
        assertThat(refused.refusal(unassigned.id())).isPresent();
        assertThat(plain.refusal(unassigned.id())).isEmpty();
    }

    @Test
    void theFallBackDayIsTwentyFiveHoursLong() {
        DayPlan plan = DayPlan.of(LocalDate.of(2026, 11, 1), NEW_YORK, List.of(ann), List.of(), EMPTY_TRAY);

        assertThat(plan.dayMinutes()).isEqualTo(25 * 60);
        assertThat(plan.hourTicks().get(0).getValue()).isEqualTo(DayPlan.WORK_START);
    }

    @Test
    void overlapsAreFlaggedHoursBookedAndAWindowOverMidnightIsClippedToTheDay() {
        LocalDate day = LocalDate.of(2026, 12, 7);
        WorkOrderSummary morning = job(ann, day.atTime(9, 0), day.atTime(11, 0));
        WorkOrderSummary overlapping = job(ann, day.atTime(10, 30), day.atTime(12, 0));
        WorkOrderSummary night = job(bob, day.atTime(22, 0), day.plusDays(1).atTime(2, 0));
        WorkOrderSummary unassigned = job(null, day.atTime(13, 0), day.atTime(14, 0));

        DayPlan plan = DayPlan.of(day, NEW_YORK, List.of(ann, bob), List.of(morning, overlapping, night, unassigned), EMPTY_TRAY);

        DayPlan.Lane annLane = plan.lanes().get(0);
        assertThat(annLane.jobs()).extracting(DayPlan.Placed::overlaps).containsExactly(true, true);
        assertThat(annLane.jobs()).as("overlapping jobs stack in rows").extracting(DayPlan.Placed::row).containsExactly(0, 1);
        assertThat(annLane.rows()).isEqualTo(2);
        assertThat(annLane.summary()).isEqualTo("2 jobs · 3.5 h");
        DayPlan.Placed late = plan.lanes().get(1).jobs().get(0);
        assertThat(late.startMinute()).isEqualTo(22 * 60);
        assertThat(late.endMinute()).isEqualTo(24 * 60);
        assertThat(late.endsAfter()).isTrue();
        assertThat(late.overlaps()).isFalse();
        assertThat(plan.axisEnd()).isEqualTo(24 * 60);
        assertThat(plan.lanes()).flatExtracting(DayPlan.Lane::jobs).extracting(p -> p.job().id())
                .doesNotContain(unassigned.id());
    }

    @Test
    void snapsToTheNearestQuarterHour() {
        assertThat(DayPlan.snap(9 * 60 + 7, 15)).isEqualTo(9 * 60);
        assertThat(DayPlan.snap(9 * 60 + 8, 15)).isEqualTo(9 * 60 + 15);
    }

    private static WorkOrderSummary job(Technician technician, LocalDateTime start, LocalDateTime end) {
        return new WorkOrderSummary(new WorkOrderId(UUID.randomUUID()), Optional.of(1L), WorkOrderStage.JOB, "Service",
                new CustomerId(UUID.randomUUID()), "Northwind", Optional.of("Springfield"),
                Optional.of(start.atZone(NEW_YORK).toInstant()), Optional.of(end.atZone(NEW_YORK).toInstant()),
                Optional.ofNullable(technician).map(Technician::id), Optional.ofNullable(technician).map(Technician::name),
                Optional.empty(), Optional.of(WorkOrderStatus.SCHEDULED), Optional.empty(), Priority.NORMAL,
                Optional.empty(), false, Optional.empty());
    }
}
