package com.fielddesk.desktop.dispatch;

import com.fielddesk.domain.jobs.DispatchTray;
import com.fielddesk.domain.jobs.Technician;
import com.fielddesk.domain.jobs.WorkOrderId;
import com.fielddesk.domain.jobs.WorkOrderSummary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One company day on the dispatch board, laid out in minutes (no nodes: the view scales them).
 * Positions are <em>elapsed</em> minutes since the day's first instant in the company's zone, so a
 * daylight-saving day is 23 or 25 hours long and a job keeps its real length; the axis labels are
 * the local clock times at those positions.
 *
 * @param lanes      a lane per active technician, in the order the repository gives them
 * @param axisStart  first minute shown (the working day, widened to every job of the day)
 * @param axisEnd    last minute shown
 * @param dayMinutes the day's length (1380, 1440 or 1500)
 * @param refusals   why the server refused a job's last board change, by job (in a lane or in the
 *                   tray): part of the plan, so a refusal that comes after the job is already shown
 *                   where the server has it makes another plan, and the view draws the job again
 */
record DayPlan(LocalDate day, ZoneId zone, Instant dayStart, int dayMinutes, int axisStart, int axisEnd,
               List<Lane> lanes, DispatchTray tray, Map<WorkOrderId, String> refusals) {

    /** The working day the axis shows at least. */
    static final LocalTime WORK_START = LocalTime.of(7, 0);
    static final LocalTime WORK_END = LocalTime.of(19, 0);

    /**
     * A technician's lane: their jobs of the day, placed, and the hours booked; {@code rows} is how
     * many jobs overlap at most at one time (overlapping jobs stack in rows, none hides another).
     */
    record Lane(Technician technician, List<Placed> jobs, Duration booked, int rows) {
        /** "3 jobs · 5.5 h". */
        String summary() {
            long tenths = Math.round(booked.toMinutes() / 6.0);
            return jobs.size() + (jobs.size() == 1 ? " job · " : " jobs · ") + (tenths / 10) + "." + (tenths % 10) + " h";
        }
    }

    /**
     * A job in a lane: from {@code startMinute} to {@code endMinute} of the day (clipped to the
     * day; a window over midnight continues on the other day), flagged when it overlaps another;
     * {@code refusal} is why the server refused its last board change, if it did: in the placed job,
     * a lane whose jobs are where they were but whose refusal came (or went) is a changed lane, and
     * the view draws it again.
     */
    record Placed(WorkOrderSummary job, int startMinute, int endMinute, boolean overlaps,
                  boolean startsBefore, boolean endsAfter, int row, Optional<String> refusal) {
    }

    static DayPlan of(LocalDate day, ZoneId zone, List<Technician> technicians, List<WorkOrderSummary> scheduled,
                      DispatchTray tray) {
        return of(day, zone, technicians, scheduled, tray, Map.of());
    }

    /** The day with {@code refusals}: why the server refused a job's last board change, by job. */
    static DayPlan of(LocalDate day, ZoneId zone, List<Technician> technicians, List<WorkOrderSummary> scheduled,
                      DispatchTray tray, Map<WorkOrderId, String> refusals) {
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        int dayMinutes = (int) Duration.between(dayStart, dayEnd).toMinutes();
        Map<UUID, List<WorkOrderSummary>> byTechnician = new LinkedHashMap<>();
        technicians.forEach(technician -> byTechnician.put(technician.id(), new ArrayList<>()));
        int axisStart = minuteOf(dayStart, day.atTime(WORK_START).atZone(zone).toInstant());
        int axisEnd = minuteOf(dayStart, day.atTime(WORK_END).atZone(zone).toInstant());
        for (WorkOrderSummary job : scheduled) {
            Optional<List<WorkOrderSummary>> lane = job.technicianId().map(byTechnician::get);
            if (lane.isEmpty() || job.windowStart().isEmpty() || job.windowEnd().isEmpty()) {
                continue;   // not in a lane: the tray lists it (unassigned)
            }
            lane.get().add(job);
            axisStart = Math.min(axisStart, Math.max(0, minuteOf(dayStart, job.windowStart().get())));
            axisEnd = Math.max(axisEnd, Math.min(dayMinutes, minuteOf(dayStart, job.windowEnd().get())));
        }
        List<Lane> lanes = new ArrayList<>();
        for (Technician technician : technicians) {
            lanes.add(lane(technician, byTechnician.get(technician.id()), dayStart, dayMinutes, refusals));
        }
        return new DayPlan(day, zone, dayStart, dayMinutes, floorHour(axisStart), Math.min(dayMinutes, ceilHour(axisEnd)),
                List.copyOf(lanes), tray, Map.copyOf(refusals));
    }

    /** Why the server refused this job's last board change, if it did. */
    Optional<String> refusal(WorkOrderId job) {
        return Optional.ofNullable(refusals.get(job));
    }

    private static Lane lane(Technician technician, List<WorkOrderSummary> jobs, Instant dayStart, int dayMinutes,
                             Map<WorkOrderId, String> refusals) {
        List<Placed> placed = new ArrayList<>();
        List<Integer> rowEnds = new ArrayList<>();
        long bookedMinutes = 0;
        for (WorkOrderSummary job : jobs) {   // earliest first (the repository's order)
            int start = minuteOf(dayStart, job.windowStart().orElseThrow());
            int end = minuteOf(dayStart, job.windowEnd().orElseThrow());
            int shownStart = Math.max(0, start);
            int shownEnd = Math.min(dayMinutes, end);
            boolean overlaps = jobs.stream().anyMatch(other -> other != job
                    && other.windowStart().orElseThrow().isBefore(job.windowEnd().orElseThrow())
                    && job.windowStart().orElseThrow().isBefore(other.windowEnd().orElseThrow()));
            int row = 0;
            while (row < rowEnds.size() && rowEnds.get(row) > start) {
                row++;
            }
            if (row == rowEnds.size()) {
                rowEnds.add(end);
            } else {
                rowEnds.set(row, end);
            }
            placed.add(new Placed(job, shownStart, shownEnd, overlaps, start < 0, end > dayMinutes, row,
                    Optional.ofNullable(refusals.get(job.id()))));
            bookedMinutes += Math.max(0, shownEnd - shownStart);
        }
        return new Lane(technician, List.copyOf(placed), Duration.ofMinutes(bookedMinutes), Math.max(1, rowEnds.size()));
    }

    /** Elapsed minutes from the day's first instant (negative before it). */
    static int minuteOf(Instant dayStart, Instant at) {
        return (int) Math.floorDiv(Duration.between(dayStart, at).toSeconds(), 60);
    }

    Instant instantAt(int minute) {
        return dayStart.plus(Duration.ofMinutes(minute));
    }

    /** The axis ticks: every whole local hour shown, as (minute, label) — labels in the day's clock. */
    List<Map.Entry<Integer, java.time.LocalTime>> hourTicks() {
        List<Map.Entry<Integer, LocalTime>> ticks = new ArrayList<>();
        for (int minute = axisStart; minute <= axisEnd; minute += 60) {
            ticks.add(Map.entry(minute, instantAt(minute).atZone(zone).toLocalTime()));
        }
        return ticks;
    }

    /** Rounds to the snap (e.g. 15 minutes), within the day. */
    static int snap(int minute, int snapMinutes) {
        return Math.round(minute / (float) snapMinutes) * snapMinutes;
    }

    private static int floorHour(int minute) {
        return Math.floorDiv(minute, 60) * 60;
    }

    private static int ceilHour(int minute) {
        return -Math.floorDiv(-minute, 60) * 60;
    }
}
