package com.fielddesk.desktop.leads;

import com.fielddesk.cache.query.Table;
import com.fielddesk.desktop.app.feature.WorkOrderRequest;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.LiveList;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.domain.leads.ClaimedLead;
import com.fielddesk.domain.leads.LeadsRepository;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

import java.util.Optional;
import java.util.function.Function;

/**
 * My leads: the leads this company claimed, with the customer's details and the job each claim
 * created — one SQL join, reloaded (coalesced, latest wins) only when a notice names
 * service_requests or work_orders.
 */
public final class MyLeadsViewModel implements AutoCloseable {

    private final LiveList<ClaimedLead> leads;
    private final ReadOnlyObjectWrapper<ClaimedLead> focused = new ReadOnlyObjectWrapper<>();
    private final Function<WorkOrderRequest, Optional<String>> newWorkOrder;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    /**
     * @param newWorkOrder opens the new job or quote form in Jobs (the navigator's; features do not
     *                     know each other) and says why not when it cannot
     */
    public MyLeadsViewModel(LeadsRepository repository, ChangeSource changes, BackgroundTasks tasks,
                            Function<WorkOrderRequest, Optional<String>> newWorkOrder) {
        this.newWorkOrder = newWorkOrder;
        this.leads = LiveList.of(tasks, ClaimedLead::id).query(repository::myLeads).describedAs("My leads")
                .reloadOnChangesTo(changes, LeadsRepository.MY_LEADS_TABLES.stream().map(Table::name).toArray(String[]::new))
                .reloadAtMostEvery(LiveList.SCREEN_RELOAD_GAP)
                .build();
    }

    public void start() {
        leads.start();
    }

    /** Shows this claimed lead (from global search); false when it is not among My leads. */
    public boolean focus(String id) {
        for (ClaimedLead lead : leads.items()) {
            if (lead.id().toString().equals(id)) {
                // Set anew even when it is the same lead, so the view selects it again.
                focused.set(null);
                focused.set(lead);
                return true;
            }
        }
        return false;
    }

    /**
     * A new quote (or job) for a claimed lead's customer: the customer and address of the job the
     * claim created, and the lead's description. Says why not while that job has not synced yet.
     */
    public void newWorkOrder(ClaimedLead lead, boolean quote) {
        if (lead.job() == null) {
            notice.set("The lead's job is still syncing; try again in a moment.");
            return;
        }
        notice.set("");
        newWorkOrder.apply(WorkOrderRequest.likeWorkOrder(quote, java.util.UUID.fromString(lead.job().workOrderId()),
                lead.description())).ifPresent(notice::set);
    }

    /** Why the last "New quote"/"New job" could not open, or "". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ObservableList<ClaimedLead> items() {
        return leads.items();
    }

    /** A claimed lead that global search asked to show (the view switches to My leads and selects it). */
    public ReadOnlyObjectProperty<ClaimedLead> focusedProperty() {
        return focused.getReadOnlyProperty();
    }

    /** How many loads have started (coalescing keeps it small during a sync; for tests and benchmarks). */
    public long loadsStarted() {
        return leads.loadsStarted();
    }

    /** Why My leads could not be read, or null. */
    public ReadOnlyObjectProperty<Notice> problemProperty() {
        return leads.problemProperty();
    }

    @Override
    public void close() {
        leads.close();
    }
}
