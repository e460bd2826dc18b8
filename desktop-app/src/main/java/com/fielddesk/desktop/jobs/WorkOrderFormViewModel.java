package com.fielddesk.desktop.jobs;

import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.FormState;
import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.common.InvalidInputException;
import com.fielddesk.domain.customers.CustomerRepository;
import com.fielddesk.domain.customers.CustomerSort;
import com.fielddesk.domain.jobs.Priority;
import com.fielddesk.domain.jobs.Technician;
import com.fielddesk.domain.jobs.WorkOrderDetail;
import com.fielddesk.domain.jobs.WorkOrderDraft;
import com.fielddesk.domain.jobs.WorkOrderId;
import com.fielddesk.domain.jobs.WorkOrderRepository;
import com.fielddesk.domain.jobs.WorkOrderStage;
import com.fielddesk.domain.jobs.WorkOrderStatus;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The work order form, new or existing: the customer (searched in the cache as one types) and one
 * of their service addresses, title, description, priority, technician, the scheduled window (a
 * company day and two times, in the company's zone) and, for a quote, its total. Every problem is
 * found before anything is queued — the domain's rules plus what a text field cannot hold (a time
 * or an amount that does not parse, a window without its day) — and each names its field.
 */
final class WorkOrderFormViewModel {

    /** Customers offered while typing. */
    static final int CUSTOMER_MATCHES = 8;
    /** "9:30", "09:30" or "14:05". */
    private static final String TIME_HINT = "Write the time as 09:30.";

    /** A customer to pick: the id and the name shown. */
    record CustomerChoice(CustomerId id, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One of the customer's service addresses, as one line. */
    record AddressChoice(UUID id, String line) {
        @Override
        public String toString() {
            return line;
        }
    }

    private final WorkOrderRepository repository;
    private final CustomerRepository customers;
    private final BackgroundTasks tasks;
    private final ZoneId zone;
    private final FormState state = new FormState();
    final StringProperty customerSearch = new SimpleStringProperty("");
    final ObjectProperty<CustomerChoice> customer = state.track(new SimpleObjectProperty<>());
    final ObjectProperty<AddressChoice> address = state.track(new SimpleObjectProperty<>());
    final StringProperty title = state.track(new SimpleStringProperty(""));
    final StringProperty description = state.track(new SimpleStringProperty(""));
    final ObjectProperty<Priority> priority = state.track(new SimpleObjectProperty<>(Priority.NORMAL));
    final ObjectProperty<Technician> technician = state.track(new SimpleObjectProperty<>());
    final ObjectProperty<LocalDate> day = state.track(new SimpleObjectProperty<>());
    final StringProperty startTime = state.track(new SimpleStringProperty(""));
    final StringProperty endTime = state.track(new SimpleStringProperty(""));
    final StringProperty total = state.track(new SimpleStringProperty(""));
    private final ObservableList<CustomerChoice> customerMatches = FXCollections.observableArrayList();
    private final ObservableList<AddressChoice> addresses = FXCollections.observableArrayList();
    private final ObservableList<Technician> technicians = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<WorkOrderStage> stage = new ReadOnlyObjectWrapper<>(WorkOrderStage.JOB);
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    /** The customer search running now; a newer keystroke cancels it (a slow "No" never replaces "Northwind"). */
    private BackgroundTasks.Running search = () -> { };
    private Optional<WorkOrderId> id = Optional.empty();
    private Optional<WorkOrderStatus> status = Optional.empty();
    /** The total a job keeps from its quote (a job's form does not show it). */
    private BigDecimal jobTotal = BigDecimal.ZERO;

    WorkOrderFormViewModel(WorkOrderRepository repository, CustomerRepository customers, BackgroundTasks tasks, ZoneId zone) {
        this.repository = repository;
        this.customers = customers;
        this.tasks = tasks;
        this.zone = zone;
        customerSearch.addListener((o, before, now) -> {
            search.cancel();
            CustomerChoice chosen = customer.get();
            if (now == null || now.isBlank() || chosen != null && chosen.name().equals(now)) {
                customerMatches.clear();
            } else {
                search = tasks.run(() -> customers.list(now, CustomerSort.NAME, CUSTOMER_MATCHES).stream()
                                .map(found -> new CustomerChoice(found.id(), found.fullName())).toList(), customerMatches::setAll,
                        failure -> notice.set(Failures.sentence("Could not search the customers on this computer.", failure)));
            }
        });
        customer.addListener((o, before, now) -> {
            if (before != null && (now == null || !before.id().equals(now.id()))) {
                address.set(null);
            }
            loadAddresses(now);
        });
    }

    /** The technicians to pick from (active ones). */
    void start() {
        tasks.run(repository::technicians, found -> {
            Technician chosen = technician.get();
            // null first: "Nobody yet" can be picked again to take the technician off.
            List<Technician> choices = new ArrayList<>();
            choices.add(null);
            choices.addAll(found);
            // Keep a chosen technician who is no longer active, so an edit does not drop them silently.
            if (chosen != null && found.stream().noneMatch(t -> t.id().equals(chosen.id()))) {
                choices.add(chosen);
            }
            technicians.setAll(choices);
        }, failure -> notice.set(Failures.sentence("Could not read the technicians on this computer.", failure)));
    }

    /** A new job or quote, with what the caller knows (a customer, an address, a lead's description). */
    void startNew(WorkOrderStage kind, Optional<CustomerChoice> forCustomer, Optional<UUID> addressId, String titleText,
                  String descriptionText) {
        id = Optional.empty();
        status = Optional.empty();
        jobTotal = BigDecimal.ZERO;
        stage.set(kind);
        editing.set(false);
        notice.set("");
        customer.set(forCustomer.orElse(null));
        customerSearch.set(forCustomer.map(CustomerChoice::name).orElse(""));
        address.set(addressId.map(known -> new AddressChoice(known, "")).orElse(null));
        loadAddresses(customer.get());
        title.set(titleText == null ? "" : titleText);
        description.set(descriptionText == null ? "" : descriptionText);
        priority.set(Priority.NORMAL);
        technician.set(null);
        day.set(null);
        startTime.set("");
        endTime.set("");
        total.set("");
        state.markSaved();
    }

    /** The form of an existing work order, its values as the cache has them now. */
    void load(WorkOrderDetail detail) {
        var summary = detail.summary();
        id = Optional.of(detail.id());
        status = summary.status();
        stage.set(summary.stage());
        editing.set(true);
        CustomerChoice owner = new CustomerChoice(summary.customerId(), summary.customerName());
        customer.set(owner);
        customerSearch.set(owner.name());
        customerMatches.clear();
        address.set(detail.addressId().map(known -> new AddressChoice(known, detail.addressLine().orElse(""))).orElse(null));
        title.set(summary.title());
        description.set(detail.description().orElse(""));
        priority.set(summary.priority());
        technician.set(summary.technicianId().map(tech -> new Technician(tech, summary.technicianName().orElse(""),
                summary.technicianColor())).orElse(null));
        Optional<ZonedDateTime> start = summary.windowStart().map(instant -> instant.atZone(zone));
        day.set(start.map(ZonedDateTime::toLocalDate).orElse(null));
        startTime.set(start.map(at -> time(at.toLocalTime())).orElse(""));
        endTime.set(summary.windowEnd().map(instant -> time(instant.atZone(zone).toLocalTime())).orElse(""));
        jobTotal = detail.total().amount();
        total.set(WorkOrderStage.QUOTE.equals(summary.stage()) ? detail.total().amount().toPlainString() : "");
        state.markSaved();
        if (technician.get() != null && technicians.stream().noneMatch(t -> t != null && t.id().equals(technician.get().id()))) {
            technicians.add(technician.get());
        }
    }

    /** Picks a customer from the matches (their name goes into the search field). */
    void pick(CustomerChoice chosen) {
        customer.set(chosen);
        customerSearch.set(chosen.name());
        customerMatches.clear();
    }

    private void loadAddresses(CustomerChoice of) {
        if (of == null) {
            addresses.clear();
            return;
        }
        tasks.run(() -> customers.addresses(of.id()).stream().map(found -> new AddressChoice(found.id().value(),
                Stream.of(found.details().label(), found.details().street(), found.details().city(), found.details().postalCode())
                        .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(", ")))).toList(), found -> {
                    addresses.setAll(found);
                    AddressChoice chosen = address.get();
                    if (chosen != null) {
                        // The chosen one as the list names it (a lead or an older detail may only know its id).
                        found.stream().filter(a -> a.id().equals(chosen.id())).findFirst().ifPresent(named -> {
                            boolean wasDirty = state.isDirty();
                            address.set(named);
                            if (!wasDirty) {
                                state.markSaved();
                            }
                        });
                    } else if (found.size() == 1 && !editing.get()) {
                        address.set(found.get(0));
                    }
                }, failure -> notice.set(Failures.sentence("Could not read the customer's addresses on this computer.", failure)));
    }

    /** Every problem, each naming its field (customer, address, title, description, priority, technician, day, windowStart, windowEnd, total). */
    List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        if (customer.get() == null) {
            problems.add(new FieldError("customer", customerSearch.get().isBlank() ? "Pick the customer."
                    : "Pick the customer from the list under the field."));
        }
        Optional<LocalTime> start = parse(startTime.get(), "windowStart", problems);
        Optional<LocalTime> end = parse(endTime.get(), "windowEnd", problems);
        boolean anyTime = !startTime.get().isBlank() || !endTime.get().isBlank();
        if (day.get() == null && anyTime) {
            problems.add(new FieldError("day", "Pick the day of the window."));
        } else if (day.get() != null && startTime.get().isBlank()) {
            problems.add(new FieldError("windowStart", "A window needs a start time."));
        } else if (day.get() != null && endTime.get().isBlank()) {
            problems.add(new FieldError("windowEnd", "A window needs an end time."));
        }
        Optional<BigDecimal> amount = amount(problems);
        WorkOrderDraft draft = draft(start, end, amount.orElse(BigDecimal.ZERO));
        for (FieldError problem : draft.problems()) {
            if (problems.stream().noneMatch(known -> known.field().equals(problem.field()))) {
                problems.add(problem);
            }
        }
        status.ifPresent(now -> {
            if (now.needsWindow() && day.get() == null) {
                problems.add(new FieldError("day", "A " + now.label().toLowerCase(java.util.Locale.ROOT)
                        + " job needs a scheduled window."));
            }
            if (now.needsTechnician() && technician.get() == null) {
                problems.add(new FieldError("technician", "A " + now.label().toLowerCase(java.util.Locale.ROOT)
                        + " job needs a technician."));
            }
        });
        return problems;
    }

    private Optional<LocalTime> parse(String text, String field, List<FieldError> problems) {
        String written = text == null ? "" : text.strip();
        if (written.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(written.length() == 4 ? "0" + written : written));
        } catch (DateTimeParseException e) {
            problems.add(new FieldError(field, TIME_HINT));
            return Optional.empty();
        }
    }

    private Optional<BigDecimal> amount(List<FieldError> problems) {
        String written = total.get() == null ? "" : total.get().strip().replace(",", "");
        if (!WorkOrderStage.QUOTE.equals(stage.get())) {
            return Optional.of(jobTotal);
        }
        if (written.isEmpty()) {
            return Optional.of(BigDecimal.ZERO);
        }
        try {
            return Optional.of(new BigDecimal(written));
        } catch (NumberFormatException e) {
            problems.add(new FieldError("total", "Write the total as an amount, e.g. 1250.00."));
            return Optional.empty();
        }
    }

    private WorkOrderDraft draft(Optional<LocalTime> start, Optional<LocalTime> end, BigDecimal amount) {
        CustomerId owner = customer.get() == null ? new CustomerId(new UUID(0, 0)) : customer.get().id();
        Optional<Instant> windowStart = start.filter(t -> day.get() != null).map(t -> at(day.get(), t));
        // An end before the start is read on the same day (and refused), not as the next morning.
        Optional<Instant> windowEnd = end.filter(t -> day.get() != null).map(t -> at(day.get(), t));
        return new WorkOrderDraft(owner, Optional.ofNullable(address.get()).map(AddressChoice::id), title.get(),
                description.get(), priority.get(), Optional.ofNullable(technician.get()).map(Technician::id), windowStart,
                windowEnd, amount);
    }

    private Instant at(LocalDate date, LocalTime time) {
        // ZonedDateTime.of moves a time a spring-forward gap skips to after the gap, as the company's clocks do.
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    private static String time(LocalTime time) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    }

    /**
     * Saves when there are no problems (false otherwise: nothing queued): a new work order is
     * created, an existing one updated, in one local transaction; {@code saved} runs on the FX
     * thread with its id afterwards.
     */
    boolean save(Consumer<WorkOrderId> saved) {
        List<FieldError> problems = new ArrayList<>();
        Optional<LocalTime> start = parse(startTime.get(), "windowStart", problems);
        Optional<LocalTime> end = parse(endTime.get(), "windowEnd", problems);
        Optional<BigDecimal> amount = amount(problems);
        if (!problems().isEmpty() || !problems.isEmpty() || amount.isEmpty()) {
            return false;
        }
        WorkOrderDraft draft = draft(start, end, amount.get());
        Optional<WorkOrderId> existing = id;
        boolean quote = WorkOrderStage.QUOTE.equals(stage.get());
        tasks.run(() -> {
            if (existing.isPresent()) {
                repository.update(existing.get(), draft);
                return existing.get();
            }
            return quote ? repository.createQuote(draft) : repository.createJob(draft);
        }, done -> {
            state.markSaved();
            notice.set(existing.isPresent() ? "Saved. It goes to the server with the next sync."
                    : (quote ? "Quote" : "Job") + " created. It goes to the server with the next sync.");
            saved.accept(done);
        }, failure -> notice.set(failure instanceof InvalidInputException invalid ? invalid.errors().get(0).message()
                : Failures.sentence("Could not keep the changes on this computer.", failure)));
        return true;
    }

    /** Puts the last saved (or loaded) values back. */
    void revert() {
        state.revert();
        notice.set("");
    }

    ObservableList<CustomerChoice> customerMatches() {
        return customerMatches;
    }

    ObservableList<AddressChoice> addresses() {
        return addresses;
    }

    ObservableList<Technician> technicians() {
        return technicians;
    }

    ReadOnlyObjectProperty<WorkOrderStage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** True for an existing work order, false for a new one. */
    ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty dirtyProperty() {
        return state.dirtyProperty();
    }

    ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The company zone the window's day and times are in ("America/New_York"). */
    ZoneId zone() {
        return zone;
    }
}
