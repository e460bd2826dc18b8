package com.fielddesk.desktop.leads;

import com.fielddesk.domain.leads.ClaimedLead;
import com.fielddesk.domain.leads.DeclineReason;
import com.fielddesk.domain.leads.Lead;
import com.fielddesk.domain.leads.LeadId;
import com.fielddesk.domain.leads.LeadsRepository;
import com.fielddesk.domain.leads.PoolFilter;
import com.fielddesk.domain.leads.Trade;

import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Chime;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.desktop.ui.Subscriptions;
import com.fielddesk.desktop.ui.SyncState;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The lead pool and the selected lead: reads the pool from the cache (so it works offline),
 * filters it in memory (a keystroke over 50k leads must not wait for a query), and runs Claim /
 * Decline, which need the server and say so when it is out of reach. My leads
 * ({@link MyLeadsViewModel}) and live arrivals ({@link LeadArrivals}) are their own parts; this
 * class hands them to the view and tells them what the pool did.
 */
public final class LeadPoolViewModel implements AutoCloseable {

    // ---- properties ----
    private final ObservableList<Lead> poolLeads = FXCollections.observableArrayList();
    private final FilteredList<Lead> visibleLeads = new FilteredList<>(poolLeads);
    private final ReadOnlyObjectWrapper<List<PoolSort>> poolSort = new ReadOnlyObjectWrapper<>(PoolSort.NEWEST_FIRST);
    private Comparator<Lead> poolOrder = PoolSort.comparator(PoolSort.NEWEST_FIRST);
    private final ObjectProperty<Trade> tradeFilter = new SimpleObjectProperty<>();
    private final BooleanProperty emergencyOnly = new SimpleBooleanProperty();
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<Lead> selectedLead = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Instant> now;
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> message = new ReadOnlyObjectWrapper<>();

    private final LeadsRepository leads;
    private final ChangeSource changes;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final MyLeadsViewModel myLeads;
    private final LeadArrivals arrivals;
    private final LeadDecisionsViewModel decisions;
    private final Subscriptions subscriptions = new Subscriptions();

    public LeadPoolViewModel(LeadsRepository leads, ChangeSource changes, LeadActions actions, SyncState sync,
                             BackgroundTasks tasks, Clock clock) {
        this(leads, changes, actions, sync, tasks, clock, Chime.SILENT);
    }

    /** @param chime played once per batch of live arrivals while {@link #newLeadSoundProperty()} is on */
    public LeadPoolViewModel(LeadsRepository leads, ChangeSource changes, LeadActions actions, SyncState sync,
                             BackgroundTasks tasks, Clock clock, Chime chime) {
        this(leads, changes, actions, sync, tasks, clock, chime,
                request -> java.util.Optional.of("Jobs and quotes are started from the Jobs section."));
    }

    /** @param newWorkOrder opens the new job or quote form in Jobs (the navigator's), for a claimed lead */
    public LeadPoolViewModel(LeadsRepository leads, ChangeSource changes, LeadActions actions, SyncState sync,
                             BackgroundTasks tasks, Clock clock, Chime chime,
                             java.util.function.Function<com.fielddesk.desktop.app.feature.WorkOrderRequest,
                                     java.util.Optional<String>> newWorkOrder) {
        this.leads = leads;
        this.changes = changes;
        this.tasks = tasks;
        this.clock = clock;
        this.now = new ReadOnlyObjectWrapper<>(clock.instant());
        this.myLeads = new MyLeadsViewModel(leads, changes, tasks, newWorkOrder);
        this.arrivals = new LeadArrivals(chime, clock.instant());
        this.decisions = new LeadDecisionsViewModel(selectedLead, actions, sync, tasks, message::set);
        // A My leads read failure is said where the pool's messages are.
        myLeads.problemProperty().addListener((o, before, problem) -> {
            if (problem != null) {
                message.set(problem);
            }
        });
        tradeFilter.addListener((o, a, b) -> applyFilter());
        emergencyOnly.addListener((o, a, b) -> applyFilter());
        searchText.addListener((o, a, b) -> applyFilter());
        // A message is about the lead it was said for; looking at another lead clears it.
        selectedLead.addListener((o, previous, now) -> {
            if (now != null && !decisions.busyProperty().get()) {
                message.set(null);
            }
        });
    }

    // ---- commands ----

    /** Starts listening to the cache and loads both lists. */
    public void start() {
        subscriptions.add(changes.subscribe(tableNames(LeadsRepository.POOL_TABLES), tables -> tasks.onUi(this::reloadPool)));
        reloadPool();
        myLeads.start();
    }

    /** Moves the clock the age column reads; the view calls it every second. */
    public void tick() {
        now.set(clock.instant());
    }

    public void reloadPool() {
        Comparator<Lead> order = poolOrder;
        tasks.run(() -> readPool(order), this::applyPool,
                e -> message.set(Notice.warning(Failures.sentence("Could not read the lead pool.", e))));
    }

    public void claimSelected() {
        decisions.claimSelected();
    }

    public void declineSelected(DeclineReason reason, String note) {
        decisions.declineSelected(reason, note);
    }

    /**
     * Selects a lead by id (from global search): in the pool, clearing filters that would hide it,
     * or among My leads. Returns false when it is in neither (gone since the search ran).
     */
    public boolean showLead(String id) {
        for (Lead lead : poolLeads) {
            if (lead.id().toString().equals(id)) {
                if (!visibleLeads.contains(lead)) {
                    clearFilters();
                }
                selectedLead.set(lead);
                return true;
            }
        }
        return myLeads.focus(id);
    }

    /**
     * Orders the pool by these levels (the first decides, the next break ties); an empty list
     * means the default, newest first. Sorting happens here once, not on every filter keystroke.
     */
    public void sortPool(List<PoolSort> order) {
        List<PoolSort> effective = order == null || order.isEmpty() ? PoolSort.NEWEST_FIRST : List.copyOf(order);
        if (effective.equals(poolSort.get())) {
            return;
        }
        poolSort.set(effective);
        poolOrder = PoolSort.comparator(effective);
        FXCollections.sort(poolLeads, poolOrder);
    }

    public void clearFilters() {
        tradeFilter.set(null);
        emergencyOnly.set(false);
        searchText.set("");
    }

    /** Selects the newest lead of the notification (clearing filters that hide it) and clears the notification. */
    public boolean openNewLead() {
        Lead newest = arrivals.takeNewest();
        return newest != null && showLead(newest.id().toString());
    }

    public void dismissNewLeadNotice() {
        arrivals.dismiss();
    }

    /** Called with each lead that arrives live (not on the first load). */
    public void onLeadArrived(Consumer<Lead> listener) {
        arrivals.onArrival(listener);
    }

    // ---- reading ----

    /**
     * The whole open pool (the filter runs in memory over it: a keystroke must not wait for a
     * query), in the order the dispatcher chose.
     */
    private List<Lead> readPool(Comparator<Lead> order) {
        List<Lead> pool = new ArrayList<>(leads.pool());
        pool.sort(order);
        return pool;
    }

    private static List<String> tableNames(List<com.fielddesk.cache.query.Table> tables) {
        return tables.stream().map(com.fielddesk.cache.query.Table::name).toList();
    }

    /**
     * Replaces the pool in place (removals and insertions, not setAll) so the table keeps its
     * selection and scroll position when a sync brings a change.
     */
    private void applyPool(List<Lead> fresh) {
        Map<LeadId, Lead> freshById = new LinkedHashMap<>();
        fresh.forEach(lead -> freshById.put(lead.id(), lead));
        // Clear the selection before removing the row, so the table does not select its neighbour.
        if (selectedLead.get() != null && !freshById.containsKey(selectedLead.get().id())) {
            LeadId gone = selectedLead.get().id();
            selectedLead.set(null);
            if (!decisions.busyProperty().get() && !decisions.lastFailedWas(gone)) {
                message.set(Notice.info("The lead you were looking at is no longer in the pool "
                        + "(claimed by another company, declined or expired)."));
            }
        }
        if (poolLeads.isEmpty()) {
            List<Lead> ordered = new ArrayList<>(fresh);
            ordered.sort(poolOrder);
            poolLeads.setAll(ordered);
        } else {
            poolLeads.removeIf(lead -> !lead.equals(freshById.get(lead.id())));
            Set<LeadId> kept = new HashSet<>();
            poolLeads.forEach(lead -> kept.add(lead.id()));
            for (Lead lead : fresh) {
                if (!kept.contains(lead.id())) {
                    // In place under the current order (the comparator is total, so never found).
                    int at = java.util.Collections.binarySearch(poolLeads, lead, poolOrder);
                    poolLeads.add(at < 0 ? -at - 1 : at, lead);
                }
            }
        }
        loaded.set(true);
        arrivals.poolLoaded(fresh, freshById.keySet());
    }

    private void applyFilter() {
        PoolFilter filter = PoolFilter.of(tradeFilter.get(), emergencyOnly.get(), searchText.get());
        visibleLeads.setPredicate(filter.showsEverything() ? null : filter::matches);
    }

    @Override
    public void close() {
        subscriptions.close();
        myLeads.close();
    }

    // ---- read-only views for the View ----

    public ObservableList<Lead> visibleLeads() {
        return visibleLeads;
    }

    public ObservableList<Lead> allPoolLeads() {
        return FXCollections.unmodifiableObservableList(poolLeads);
    }

    public ObservableList<ClaimedLead> myLeads() {
        return myLeads.items();
    }

    /** My leads, for its view. */
    public MyLeadsViewModel myLeadsViewModel() {
        return myLeads;
    }

    /** Live arrivals, for the notification. */
    public LeadArrivals arrivals() {
        return arrivals;
    }

    /** The pool's current order (never empty: newest first by default). */
    public ReadOnlyObjectProperty<List<PoolSort>> poolSortProperty() {
        return poolSort.getReadOnlyProperty();
    }

    public ObjectProperty<Trade> tradeFilterProperty() {
        return tradeFilter;
    }

    public BooleanProperty emergencyOnlyProperty() {
        return emergencyOnly;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<Lead> selectedLeadProperty() {
        return selectedLead;
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return decisions.busyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The unopened live arrivals, or null. */
    public ReadOnlyObjectProperty<LeadArrivals.NewLeadNotice> newLeadNoticeProperty() {
        return arrivals.noticeProperty();
    }

    /** Whether a live arrival also plays the chime (off by default; the view remembers the choice). */
    public BooleanProperty newLeadSoundProperty() {
        return arrivals.soundProperty();
    }

    public ReadOnlyStringProperty claimUnavailableReasonProperty() {
        return decisions.unavailableReasonProperty();
    }

    public BooleanBinding canClaimBinding() {
        return decisions.canClaimBinding();
    }

    public BooleanBinding canDeclineBinding() {
        return decisions.canDeclineBinding();
    }

    public ZoneId zone() {
        return clock.getZone();
    }

}
