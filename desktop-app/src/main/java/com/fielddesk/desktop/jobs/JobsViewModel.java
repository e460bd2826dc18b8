package com.fielddesk.desktop.jobs;

import com.fielddesk.cache.query.Table;
import com.fielddesk.desktop.app.feature.Navigator;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.desktop.app.feature.WorkOrderRequest;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.LiveList;
import com.fielddesk.desktop.ui.Subscriptions;
import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.InvalidInputException;
import com.fielddesk.domain.customers.CustomerRepository;
import com.fielddesk.domain.jobs.QuoteStatus;
import com.fielddesk.domain.jobs.WorkOrderMoves;
import com.fielddesk.domain.jobs.MoveNotAllowedException;
import com.fielddesk.domain.jobs.WorkOrderDetail;
import com.fielddesk.domain.jobs.WorkOrderFilter;
import com.fielddesk.domain.jobs.WorkOrderId;
import com.fielddesk.domain.jobs.WorkOrderRepository;
import com.fielddesk.domain.jobs.WorkOrderSort;
import com.fielddesk.domain.jobs.WorkOrderStage;
import com.fielddesk.domain.jobs.WorkOrderStatus;
import com.fielddesk.domain.jobs.WorkOrderSummary;
import com.fielddesk.domain.messages.MessagesRepository;
import com.fielddesk.domain.messages.ThreadFilter;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Jobs or quotes (the Jobs and the Quotes sections are this one model, given the stage): the list
 * (a job or quote status, text and the other filters — filtered and counted in SQL, live),
 * the counts per status, and the selected work order with its history and the moves this person
 * may make. A move is queued locally at once (offline too); one the rules do not allow says why.
 */
final class JobsViewModel implements AutoCloseable {

    /** Rows shown before the list says "Showing 200 of N". */
    static final int SHOWN = 200;
    /** Threads of each kind a job's detail lists. */
    private static final int THREADS_SHOWN = 20;

    private final WorkOrderRepository repository;
    private final BackgroundTasks tasks;
    private final Navigator navigator;
    private final Formats formats;
    /** Which list this is: the Jobs section's or the Quotes section's (one implementation, two sections). */
    private final WorkOrderStage stage;
    private final ObjectProperty<WorkOrderStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<com.fielddesk.domain.jobs.QuoteStatus> quoteStatus = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<TechnicianChoice> technicianFilter = new SimpleObjectProperty<>(TechnicianChoice.ANYONE);
    private final ObservableList<TechnicianChoice> technicianChoices = FXCollections.observableArrayList(
            TechnicianChoice.ANYONE, TechnicianChoice.NOBODY);
    private final ObjectProperty<com.fielddesk.domain.jobs.Priority> priorityFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<java.time.LocalDate> firstDay = new SimpleObjectProperty<>();
    private final ObjectProperty<java.time.LocalDate> lastDay = new SimpleObjectProperty<>();
    private final ObjectProperty<WorkOrderFormViewModel.CustomerChoice> customerFilter = new SimpleObjectProperty<>();
    private final ObservableList<WorkOrderFormViewModel.CustomerChoice> customerChoices = FXCollections.observableArrayList();
    private BackgroundTasks.Running customerSearch = () -> { };
    /** Clear filters is changing several parts: the list is read once, after the last. */
    private boolean clearing;
    private final ObjectProperty<WorkOrderSort> sort = new SimpleObjectProperty<>(WorkOrderSort.NUMBER);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<WorkOrderDetail> selected = new ReadOnlyObjectWrapper<>();
    private final ObservableList<WorkOrderStatus> nextStatuses = FXCollections.observableArrayList();
    private final ObservableList<QuoteStatus> nextQuoteStatuses = FXCollections.observableArrayList();
    /** The new job or quote form is shown (instead of a selected work order). */
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper();
    private final WorkOrderFormViewModel form;
    private final CustomerRepository customers;
    private final LiveList<WorkOrderSummary> rows;
    private final LiveList<WorkOrderDetail> detail;
    private Optional<WorkOrderId> selectedId = Optional.empty();
    private final MessagesRepository messages;
    private final ObservableList<JobThread> threads = FXCollections.observableArrayList();
    /** The first message of a thread being started from the job: for the customer, for staff, or none (null). */
    private final ObjectProperty<Boolean> composingInternal = new SimpleObjectProperty<>();
    private final StringProperty firstMessage = new SimpleStringProperty("");
    private final Subscriptions threadChanges = new Subscriptions();

    JobsViewModel(WorkOrderStage stage, WorkOrderRepository repository, CustomerRepository customers,
                  MessagesRepository messages, BackgroundTasks tasks, ChangeSource changes, Navigator navigator,
                  Formats formats) {
        this.stage = stage;
        this.repository = repository;
        this.customers = customers;
        this.form = new WorkOrderFormViewModel(repository, customers, tasks, formats.zone());
        this.messages = messages;
        this.tasks = tasks;
        this.navigator = navigator;
        this.formats = formats;
        String[] tables = WorkOrderRepository.READS.stream().map(Table::name).toArray(String[]::new);
        rows = LiveList.<WorkOrderSummary>of(tasks, WorkOrderSummary::id).describedAs("the jobs").query(query())
                .reloadOnChangesTo(changes, tables).reloadAtMostEvery(LiveList.SCREEN_RELOAD_GAP).build();
        detail = LiveList.<WorkOrderDetail>of(tasks, WorkOrderDetail::id).describedAs("the job").query(List::of)
                .reloadOnChangesTo(changes, tables).build();
        rows.onUpdate(this::count);
        // The shown job's threads follow new threads and messages (written here, in Messages, or synced).
        List<String> messageTables = java.util.stream.Stream.concat(MessagesRepository.CUSTOMER_READS.stream(),
                MessagesRepository.INTERNAL_READS.stream()).map(Table::name).distinct().toList();
        threadChanges.add(changes.subscribe(messageTables, touched -> tasks.onUi(() -> selectedId.ifPresent(this::loadThreads))));
        detail.items().addListener((javafx.collections.ListChangeListener<WorkOrderDetail>) change -> showDetail());
        // A day range whose last day is before its first shows nothing and says why (the list is not guessed).
        for (javafx.beans.Observable filterPart : List.of(status, quoteStatus, search, technicianFilter, priorityFilter, customerFilter,
                firstDay, lastDay, sort)) {
            filterPart.addListener(changed -> requery());
        }
    }

    void start() {
        rows.start();
        detail.start();
        form.start();
        tasks.run(repository::technicians, found -> {
            TechnicianChoice chosen = technicianFilter.get();
            technicianChoices.setAll(TechnicianChoice.ANYONE, TechnicianChoice.NOBODY);
            found.forEach(technician -> technicianChoices.add(TechnicianChoice.of(technician)));
            technicianFilter.set(technicianChoices.contains(chosen) ? chosen : TechnicianChoice.ANYONE);
        }, failure -> countText.set(Failures.sentence("Could not read the technicians on this computer.", failure)));
    }

    /** Whether the day range can be used: no last day before the first. */
    private boolean daysInOrder() {
        return firstDay.get() == null || lastDay.get() == null || !lastDay.get().isBefore(firstDay.get());
    }

    private WorkOrderFilter filter() {
        WorkOrderFilter filter = WorkOrderFilter.all().withStage(stage).withText(search.get());
        if (status.get() != null) {
            filter = filter.withStatuses(Set.of(status.get()));
        }
        if (quoteStatus.get() != null) {
            filter = filter.withQuoteStatuses(Set.of(quoteStatus.get()));
        }
        TechnicianChoice technician = technicianFilter.get();
        if (technician != null && technician.unassigned()) {
            filter = filter.unassigned();
        } else if (technician != null && technician.id().isPresent()) {
            filter = filter.withTechnician(technician.id().get());
        }
        if (priorityFilter.get() != null) {
            filter = filter.withPriorities(Set.of(priorityFilter.get()));
        }
        if (customerFilter.get() != null) {
            filter = filter.withCustomer(customerFilter.get().id());
        }
        // One day picked is that day; two are a range (a day alone never means "from then on").
        java.time.LocalDate first = firstDay.get() != null ? firstDay.get() : lastDay.get();
        java.time.LocalDate last = lastDay.get() != null ? lastDay.get() : firstDay.get();
        if (first != null && daysInOrder()) {
            filter = filter.withDays(first, last);
        }
        return filter;
    }

    private Callable<List<WorkOrderSummary>> query() {
        if (!daysInOrder()) {
            return List::of;
        }
        WorkOrderFilter filter = filter();
        WorkOrderSort order = sort.get() == null ? WorkOrderSort.NUMBER : sort.get();
        return () -> repository.list(filter, order, SHOWN);
    }

    /** The customers whose name, phone or email has {@code text}, for the list's customer filter. */
    void searchCustomers(String text) {
        customerSearch.cancel();
        WorkOrderFormViewModel.CustomerChoice chosen = customerFilter.get();
        if (text == null || text.isBlank() || chosen != null && chosen.name().equals(text)) {
            return;
        }
        customerSearch = tasks.run(() -> customers.list(text, com.fielddesk.domain.customers.CustomerSort.NAME,
                        WorkOrderFormViewModel.CUSTOMER_MATCHES).stream()
                        .map(found -> new WorkOrderFormViewModel.CustomerChoice(found.id(), found.fullName())).toList(),
                customerChoices::setAll,
                failure -> countText.set(Failures.sentence("Could not search the customers on this computer.", failure)));
    }

    private void requery() {
        if (!clearing) {
            rows.requery(query());
        }
    }

    /** Every filter back to "all" (the list stays jobs or quotes), read once. */
    void clearFilters() {
        clearing = true;
        try {
            clearEach();
        } finally {
            clearing = false;
        }
        requery();
    }

    private void clearEach() {
        status.set(null);
        quoteStatus.set(null);
        search.set("");
        technicianFilter.set(TechnicianChoice.ANYONE);
        priorityFilter.set(null);
        customerFilter.set(null);
        firstDay.set(null);
        lastDay.set(null);
    }

    /** "Showing 200 of 1,234 jobs · Unscheduled 40 · Scheduled 12 …", counted after the rows are shown. */
    private void count() {
        if (!daysInOrder()) {
            countText.set("The last day is before the first; no work order matches.");
            return;
        }
        WorkOrderFilter filter = filter();
        boolean quotes = WorkOrderStage.QUOTE.equals(stage);
        int shown = rows.items().size();
        // Jobs: one read gives both (a job always has a status, so the total is the sum of the statuses shown).
        tasks.run(() -> {
            if (quotes) {
                return Map.entry(repository.count(filter), Map.<WorkOrderStatus, Long>of());
            }
            Map<WorkOrderStatus, Long> perStatus = repository.countsByStatus(filter);
            long total = perStatus.entrySet().stream().filter(e -> filter.statuses().isEmpty() || filter.statuses().contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            return Map.entry(total, perStatus);
        }, counted -> {
                    long total = counted.getKey();
                    String noun = quotes ? (total == 1 ? " quote" : " quotes") : (total == 1 ? " job" : " jobs");
                    String head = total == 0 ? "No" + noun + " match"
                            : shown < total ? "Showing " + formats.number(shown) + " of " + formats.number(total) + noun
                            : formats.number(total) + noun;
                    String perStatus = counted.getValue().entrySet().stream().filter(e -> e.getValue() > 0)
                            .map(e -> e.getKey().label() + " " + formats.number(e.getValue())).collect(Collectors.joining(" · "));
                    countText.set(perStatus.isEmpty() ? head : head + " — " + perStatus);
                }, failure -> countText.set(Failures.sentence("Could not count the jobs.", failure)));
    }

    /** Shows a work order (from the list, Ctrl+K, a customer's jobs). */
    void show(WorkOrderId id) {
        creating.set(false);
        selectedId = Optional.of(id);
        notice.set("");
        composingInternal.set(null);
        firstMessage.set("");
        loadThreads(id);
        detail.requery(() -> repository.detail(id).map(List::of).orElse(List.of()));
    }

    private void showDetail() {
        if (creating.get()) {
            return;
        }
        WorkOrderDetail shown = detail.items().isEmpty() ? null : detail.items().get(0);
        WorkOrderDetail before = selected.get();
        selected.set(shown);
        if (shown == null) {
            nextStatuses.clear();
            nextQuoteStatuses.clear();
            return;
        }
        // A change arriving (synced, or a move here) refreshes the form unless the user is editing it.
        if (before == null || !before.id().equals(shown.id()) || !form.dirtyProperty().get()) {
            form.load(shown);
        }
        nextQuoteStatuses.setAll(shown.summary().quoteStatus().map(WorkOrderMoves::nextQuoteStatuses).orElse(Set.of()));
        tasks.run(() -> repository.nextStatuses(shown.summary()), next -> nextStatuses.setAll(next),
                failure -> nextStatuses.clear());
    }

    /**
     * The new job or quote form, filled with what the request knows (a customer's name is looked up
     * in the cache); the list's selection is left alone.
     */
    void newWorkOrder(WorkOrderRequest request) {
        selectedId = Optional.empty();
        selected.set(null);
        nextStatuses.clear();
        nextQuoteStatuses.clear();
        threads.clear();
        notice.set("");
        WorkOrderStage kind = request.quote() ? WorkOrderStage.QUOTE : WorkOrderStage.JOB;
        form.startNew(kind, Optional.empty(), Optional.empty(), request.title(), request.description());
        creating.set(true);
        if (request.customer().isEmpty() && request.sameAs().isEmpty()) {
            return;
        }
        // The customer by id, or the customer and address of the work order the request names (a lead's job).
        tasks.run(() -> request.customer().isPresent()
                ? customers.customer(new CustomerId(request.customer().get())).map(known -> new Prefill(
                        new WorkOrderFormViewModel.CustomerChoice(known.id(), known.details().fullName()), request.address()))
                : repository.detail(new WorkOrderId(request.sameAs().get())).map(other -> new Prefill(
                        new WorkOrderFormViewModel.CustomerChoice(other.customerId(), other.summary().customerName()),
                        other.addressId())), found -> found.ifPresentOrElse(prefill -> {
                            if (creating.get()) {
                                form.startNew(kind, Optional.of(prefill.customer()), prefill.address(), request.title(),
                                        request.description());
                            }
                        }, () -> notice.set("That customer is no longer on this computer; pick the customer.")),
                failure -> notice.set(Failures.sentence("Could not read the customer on this computer.", failure)));
    }

    /** What a new work order's form starts with when another section asked for it. */
    private record Prefill(WorkOrderFormViewModel.CustomerChoice customer, Optional<UUID> address) {
    }

    /** Saves the form: a new work order is created and then shown, an existing one updated. */
    boolean save() {
        return form.save(saved -> show(saved));
    }

    /** The form's values back as they were loaded (or, for a new one, as it started). */
    void revert() {
        form.revert();
    }

    /** The shown job's customer and internal threads, newest first within each kind. */
    private void loadThreads(WorkOrderId shown) {
        UUID job = shown.value();
        tasks.run(() -> {
            ThreadFilter aboutJob = ThreadFilter.all().aboutWorkOrder(job);
            List<JobThread> found = new ArrayList<>();
            messages.customerThreads(aboutJob, THREADS_SHOWN).forEach(thread ->
                    found.add(new JobThread(thread.id().value(), false, thread.subject(), thread.unread())));
            messages.internalThreads(aboutJob, THREADS_SHOWN).forEach(thread ->
                    found.add(new JobThread(thread.id().value(), true, thread.subject(), thread.unread())));
            return found;
        }, threads::setAll, failure -> {
            threads.clear();
            notice.set(Failures.sentence("Could not read the job's messages from this computer's copy.", failure));
        });
    }

    /** "Message customer": the job's newest customer thread in Messages, or a first message to write here. */
    void messageCustomer() {
        openOrCompose(false);
    }

    /** "Internal note": the job's newest internal thread in Messages, or a first note to write here. */
    void internalNote() {
        openOrCompose(true);
    }

    private void openOrCompose(boolean internal) {
        Optional<JobThread> existing = threads.stream().filter(thread -> thread.internal() == internal).findFirst();
        if (existing.isPresent()) {
            openThread(existing.get());
        } else {
            notice.set("");
            composingInternal.set(internal);
        }
    }

    /** A thread of the job, in Messages. */
    void openThread(JobThread thread) {
        navigator.open(new RecordRef(RecordKind.MESSAGE_THREAD, thread.id().toString())).ifPresent(notice::set);
    }

    void cancelCompose() {
        composingInternal.set(null);
        firstMessage.set("");
    }

    /** Starts the thread about the shown job with the first message written here, then opens it in Messages. */
    void startThread() {
        WorkOrderDetail shown = selected.get();
        Boolean internal = composingInternal.get();
        if (shown == null || internal == null) {
            return;
        }
        String subject = shown.summary().describe() + " · " + shown.summary().title();
        String subjectShown = subject.length() > MessagesRepository.SUBJECT_MAX
                ? subject.substring(0, MessagesRepository.SUBJECT_MAX) : subject;
        String text = firstMessage.get();
        UUID job = shown.id().value();
        tasks.run(() -> internal ? messages.startInternalThread(Optional.of(job), subjectShown, text).value()
                        : messages.startCustomerThread(job, shown.customerId(), subjectShown, text).value(),
                started -> {
                    cancelCompose();
                    navigator.open(new RecordRef(RecordKind.MESSAGE_THREAD, started.toString())).ifPresent(notice::set);
                }, failure -> notice.set(failure instanceof InvalidInputException invalid ? invalid.errors().get(0).message()
                        : Failures.sentence("Could not keep the message on this computer.", failure)));
    }

    ObservableList<JobThread> threads() {
        return threads;
    }

    ObjectProperty<Boolean> composingInternalProperty() {
        return composingInternal;
    }

    StringProperty firstMessageProperty() {
        return firstMessage;
    }

    /** Moves the shown job; a move the rules refuse, or one missing a window or technician, says why. */
    void move(WorkOrderStatus to) {
        WorkOrderId id = selectedId.orElse(null);
        if (id == null) {
            return;
        }
        tasks.run(() -> {
            repository.move(id, to);
            return to;
        }, moved -> notice.set("Moved to " + moved.label() + ". It goes to the server with the next sync."), this::moveFailed);
    }

    /** Cancels the shown job with the reason the user gave (the dialog checked it is there). */
    void cancel(String reason) {
        WorkOrderId id = selectedId.orElse(null);
        if (id == null) {
            return;
        }
        tasks.run(() -> {
            repository.cancel(id, reason);
            return id;
        }, canceled -> notice.set("Canceled. The reason goes to the server with the next sync."), this::moveFailed);
    }

    /** Sends, declines, expires or takes back a quote; accepting makes it a job ({@link #acceptQuote()}). */
    void moveQuote(QuoteStatus to) {
        WorkOrderId id = selectedId.orElse(null);
        if (id == null) {
            return;
        }
        if (QuoteStatus.ACCEPTED.equals(to)) {
            acceptQuote();
            return;
        }
        tasks.run(() -> {
            repository.moveQuote(id, to);
            return to;
        }, moved -> notice.set("Quote " + moved.label().toLowerCase(java.util.Locale.ROOT)
                + ". It goes to the server with the next sync."), this::moveFailed);
    }

    /** Accepts the shown quote: it becomes a job at once (here, and on the server with the next sync). */
    void acceptQuote() {
        WorkOrderId id = selectedId.orElse(null);
        if (id == null) {
            return;
        }
        tasks.run(() -> {
            repository.acceptQuote(id);
            return id;
        }, accepted -> notice.set("Accepted: the quote is a job now. It goes to the server with the next sync."),
                this::moveFailed);
    }

    private void moveFailed(Exception failure) {
        if (failure instanceof MoveNotAllowedException refused) {
            notice.set(refused.sentence());
        } else if (failure instanceof InvalidInputException invalid) {
            notice.set(invalid.errors().get(0).message());
        } else {
            notice.set(Failures.sentence("Could not move the work order.", failure));
        }
    }

    /** Whether moving the shown job to {@code to} brings a completed or canceled job back ("Reopen"). */
    boolean isReopen(WorkOrderStatus to) {
        WorkOrderDetail shown = selected.get();
        return shown != null && shown.summary().status().map(from -> WorkOrderMoves.isReopen(from, to)).orElse(false);
    }

    /** The customer of the shown work order, in Customers. */
    void openCustomer() {
        WorkOrderDetail shown = selected.get();
        if (shown != null) {
            navigator.open(new RecordRef(RecordKind.CUSTOMER, shown.customerId().value().toString()))
                    .ifPresent(notice::set);
        }
    }

    /** Whether this role sees the audit log, so the shown work order's changes there can be offered (supervisors and admins). */
    boolean mayShowAuditHistory() {
        return navigator.canOpen(RecordKind.JOB_HISTORY);
    }

    /** Opens the audit log filtered to the shown work order: every change of it, who made it and when. */
    void openAuditHistory() {
        WorkOrderDetail shown = selected.get();
        if (shown != null) {
            navigator.open(new RecordRef(RecordKind.JOB_HISTORY, shown.summary().id().value().toString()))
                    .ifPresent(notice::set);
        }
    }

    /** Jobs or quotes: which list this is. */
    WorkOrderStage stage() {
        return stage;
    }

    ObjectProperty<com.fielddesk.domain.jobs.QuoteStatus> quoteStatusProperty() {
        return quoteStatus;
    }

    ObjectProperty<WorkOrderStatus> statusProperty() {
        return status;
    }

    ObjectProperty<TechnicianChoice> technicianFilterProperty() {
        return technicianFilter;
    }

    ObservableList<TechnicianChoice> technicianChoices() {
        return technicianChoices;
    }

    ObjectProperty<com.fielddesk.domain.jobs.Priority> priorityFilterProperty() {
        return priorityFilter;
    }

    ObjectProperty<java.time.LocalDate> firstDayProperty() {
        return firstDay;
    }

    ObjectProperty<java.time.LocalDate> lastDayProperty() {
        return lastDay;
    }

    ObjectProperty<WorkOrderFormViewModel.CustomerChoice> customerFilterProperty() {
        return customerFilter;
    }

    ObservableList<WorkOrderFormViewModel.CustomerChoice> customerChoices() {
        return customerChoices;
    }

    ObjectProperty<WorkOrderSort> sortProperty() {
        return sort;
    }

    StringProperty searchProperty() {
        return search;
    }

    ObservableList<WorkOrderSummary> items() {
        return rows.items();
    }

    ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<WorkOrderDetail> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    ObservableList<WorkOrderStatus> nextStatuses() {
        return nextStatuses;
    }

    Formats formats() {
        return formats;
    }

    ObservableList<QuoteStatus> nextQuoteStatuses() {
        return nextQuoteStatuses;
    }

    ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    WorkOrderFormViewModel form() {
        return form;
    }

    @Override
    public void close() {
        rows.close();
        detail.close();
        threadChanges.close();
    }
}
