package com.fielddesk.desktop.leads;

import com.fielddesk.desktop.ui.Chime;
import com.fielddesk.domain.leads.Lead;
import com.fielddesk.domain.leads.LeadId;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Leads that arrive live while the console is open: which pool leads are news, the notification
 * naming the newest until it is opened or dismissed, and the chime (when the user turned it on).
 */
public final class LeadArrivals {

    /** Leads that arrived live and are not opened yet: the newest names the notification. */
    public record NewLeadNotice(Lead newest, int count) {
        public String text() {
            return "New lead: " + newest.trade().label() + " in " + newest.area()
                    + (newest.emergency() ? " — EMERGENCY" : "") + (count > 1 ? " (+" + (count - 1) + " more)" : "");
        }
    }

    /** A lead posted a little before the console opened still counts as news (clocks differ). */
    private static final Duration ARRIVAL_SLACK = Duration.ofMinutes(2);

    private final ReadOnlyObjectWrapper<NewLeadNotice> notice = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty sound = new SimpleBooleanProperty(false);
    private final List<Consumer<Lead>> listeners = new ArrayList<>();
    private final Chime chime;
    private final Instant openedAt;
    /** Every lead ever seen (null before the first load), so one that leaves and comes back is not news twice. */
    private Set<LeadId> knownIds;

    public LeadArrivals(Chime chime, Instant openedAt) {
        this.chime = chime;
        this.openedAt = openedAt;
    }

    /** Called with each pool load: the first is not news; later, leads not seen before and posted since opening are. */
    void poolLoaded(List<Lead> pool, Set<LeadId> ids) {
        List<Lead> arrived = new ArrayList<>();
        if (knownIds != null) {
            for (Lead lead : pool) {
                if (!knownIds.contains(lead.id()) && !lead.postedAt().isBefore(openedAt.minus(ARRIVAL_SLACK))) {
                    arrived.add(lead);
                }
            }
        } else {
            knownIds = new HashSet<>();
        }
        knownIds.addAll(ids);
        NewLeadNotice current = notice.get();
        if (current != null && !ids.contains(current.newest().id())) {
            // The announced lead is gone (claimed elsewhere, declined, expired): nothing left to open.
            notice.set(null);
        }
        if (!arrived.isEmpty()) {
            Lead newest = arrived.stream().max(Comparator.comparing(Lead::postedAt)).orElseThrow();
            int earlier = notice.get() == null ? 0 : notice.get().count();
            notice.set(new NewLeadNotice(newest, earlier + arrived.size()));
            if (sound.get()) {
                chime.play();
            }
        }
        arrived.forEach(lead -> listeners.forEach(listener -> listener.accept(lead)));
    }

    /** The newest announced lead, clearing the notification; null when there is none. */
    Lead takeNewest() {
        NewLeadNotice current = notice.get();
        notice.set(null);
        return current == null ? null : current.newest();
    }

    public void dismiss() {
        notice.set(null);
    }

    /** Called with each lead that arrives live (not on the first load). */
    public void onArrival(Consumer<Lead> listener) {
        listeners.add(listener);
    }

    /** The unopened live arrivals, or null. */
    public ReadOnlyObjectProperty<NewLeadNotice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Whether a live arrival also plays the chime (off by default; the view remembers the choice). */
    public BooleanProperty soundProperty() {
        return sound;
    }
}
