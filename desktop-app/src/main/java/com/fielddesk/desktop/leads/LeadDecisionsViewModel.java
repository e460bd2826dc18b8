package com.fielddesk.desktop.leads;

import com.fielddesk.desktop.ui.AsyncCommand;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.domain.leads.DeclineReason;
import com.fielddesk.domain.leads.Lead;
import com.fielddesk.domain.leads.LeadId;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableObjectValue;

import java.util.function.Consumer;

/**
 * Claim and Decline of the selected lead: two {@link AsyncCommand}s that need the server, so they
 * are unavailable offline (with the reason shown) and while either runs; each ends with one
 * {@link Notice} handed to the screen's message.
 */
final class LeadDecisionsViewModel {

    static final String OFFLINE_REASON = "Claiming needs the server — you are offline. The pool stays readable.";
    /** The server's limit on a decline note ({@code decline_service_request}). */
    static final int MAX_NOTE_LENGTH = 500;

    private final ObservableObjectValue<Lead> selected;
    private final LeadActions actions;
    private final SyncState sync;
    private final Consumer<Notice> say;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final AsyncCommand<Lead> claim;
    private final AsyncCommand<Lead> decline;
    private final ReadOnlyStringWrapper unavailableReason = new ReadOnlyStringWrapper();
    /** The lead the last run was for (set on the FX thread as it starts). */
    private Lead attempted;
    /** The lead the last failure is about; its leaving the pool must not replace that message. */
    private LeadId lastFailed;

    /** @param say where each run's outcome goes (the lead screen's one message) */
    LeadDecisionsViewModel(ObservableObjectValue<Lead> selected, LeadActions actions, SyncState sync, BackgroundTasks tasks,
                           Consumer<Notice> say) {
        this.selected = selected;
        this.actions = actions;
        this.sync = sync;
        this.say = say;
        BooleanBinding ready = javafx.beans.binding.Bindings.isNotNull(selected).and(sync.onlineProperty()).and(busy.not());
        // A failure is a warning the dispatcher acts on (try another lead, reconnect), worded by Failures.
        this.claim = new AsyncCommand<>(tasks, ready,
                lead -> Notice.success("Claimed. The customer's details and the new job are in My leads."),
                failure -> Notice.warning(Failures.sentence(failure)));
        this.decline = new AsyncCommand<>(tasks, ready, lead -> Notice.success("Declined. The lead left your pool."),
                failure -> Notice.warning(Failures.sentence(failure)));
        busy.bind(claim.busyProperty().or(decline.busyProperty()));
        claim.noticeProperty().addListener((o, before, notice) -> finished(notice));
        decline.noticeProperty().addListener((o, before, notice) -> finished(notice));
        unavailableReason.bind(new StringBinding() {
            {
                bind(selected, sync.onlineProperty(), busy);
            }

            @Override
            protected String computeValue() {
                if (!sync.onlineProperty().get()) {
                    return OFFLINE_REASON;
                }
                return selected.get() != null && busy.get() ? "Working…" : "";
            }
        });
    }

    void claimSelected() {
        if (!claim.run(() -> {
            Lead lead = attempted = selected.get();
            say.accept(Notice.info("Claiming " + lead.trade().label() + " lead in " + lead.area() + "…"));
            return () -> {
                actions.claim(lead.id());
                return lead;
            };
        })) {
            explainUnavailable();
        }
    }

    void declineSelected(DeclineReason reason, String note) {
        if (!decline.canRunBinding().get()) {
            explainUnavailable();
            return;
        }
        if (reason == null) {
            say.accept(Notice.warning("Choose a reason to decline the lead."));
            return;
        }
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            say.accept(Notice.warning("The note can be at most " + MAX_NOTE_LENGTH + " characters."));
            return;
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        decline.run(() -> {
            Lead lead = attempted = selected.get();
            return () -> {
                actions.decline(lead.id(), reason, cleanNote);
                return lead;
            };
        });
    }

    /** Whether the last failure was about this lead (so its leaving the pool keeps that message). */
    boolean lastFailedWas(LeadId lead) {
        return lead.equals(lastFailed);
    }

    private void finished(Notice notice) {
        if (notice == null) {
            return;   // a run started
        }
        if (notice.isProblem()) {
            lastFailed = attempted.id();
        }
        say.accept(notice);
    }

    private void explainUnavailable() {
        String reason = unavailableReason.get();
        if (reason != null && !reason.isEmpty()) {
            say.accept(Notice.warning(reason));
        }
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    BooleanBinding canClaimBinding() {
        return claim.canRunBinding();
    }

    BooleanBinding canDeclineBinding() {
        return decline.canRunBinding();
    }

    ReadOnlyStringProperty unavailableReasonProperty() {
        return unavailableReason.getReadOnlyProperty();
    }
}
