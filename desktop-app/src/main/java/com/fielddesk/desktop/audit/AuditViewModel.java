package com.fielddesk.desktop.audit;

import com.fielddesk.desktop.ui.AsyncCommand;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.Lines;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.domain.audit.AuditAction;
import com.fielddesk.domain.audit.AuditCsv;
import com.fielddesk.domain.audit.AuditEntry;
import com.fielddesk.domain.audit.AuditEvents;
import com.fielddesk.domain.audit.AuditFilter;
import com.fielddesk.domain.audit.AuditOfflineCopy;
import com.fielddesk.domain.audit.AuditPage;
import com.fielddesk.domain.audit.AuditRecordType;
import com.fielddesk.domain.audit.AuditRepository;
import com.fielddesk.domain.audit.AuditUnavailableException;
import com.fielddesk.domain.audit.ChainCheck;
import com.fielddesk.domain.audit.FieldChange;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.LoggerFactory;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The audit log screen's state: the filters (a day range in the company's zone, a person, an
 * action, a record type, one record's history), the entries read from the server page by page
 * (newest first; "Load older" continues after the oldest shown), the selected entry's changes,
 * Verify, and the CSV export of the filtered range with progress and cancel. Every server call
 * runs in the background; results arrive on the FX thread.
 *
 * <p>While the section is open the offline copy of the recent entries (the person's offline
 * window) is refreshed: when the screen opens, after each Verify and every few minutes. When the
 * server cannot be reached the list shows that copy and says so; the range it holds is always said.
 */
final class AuditViewModel implements AutoCloseable {

    static final int PAGE = 50;
    /** How often the offline copy is brought up to date while the section is open. */
    static final Duration OFFLINE_REFRESH = Duration.ofMinutes(5);
    /** How long the free-text filter waits after the last key before it reads again. */
    static final Duration TYPING_PAUSE = Duration.ofMillis(350);
    static final int MAX_TEXT = 200;
    /** Record types whose readable name already says what they are ("Job 42 · …", "Invoice 7"). */
    private static final java.util.Set<String> NAMED_WITH_THEIR_KIND = java.util.Set.of(
            AuditRecordType.WORK_ORDERS.table(), AuditRecordType.INVOICES.table());

    /** One record's history: the record type (table), its id, and a name to show for it. */
    record OneRecord(String table, UUID id, String name) {
    }

    private final AuditRepository audit;
    private final AuditCsv csv;
    private final AuditEvents events;
    private final BackgroundTasks tasks;
    private final Formats formats;
    private final IntSupplier offlineDays;

    private final ObjectProperty<LocalDate> fromDay = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDay = new SimpleObjectProperty<>();
    private final ObjectProperty<AuditRepository.Person> person = new SimpleObjectProperty<>();
    private final ObjectProperty<AuditAction> action = new SimpleObjectProperty<>();
    private final ObjectProperty<AuditRecordType> recordType = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<OneRecord> record = new ReadOnlyObjectWrapper<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<AuditRepository.Person> people = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper offlineRange = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper showingOfflineCopy = new ReadOnlyBooleanWrapper();

    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasOlder = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObjectProperty<AuditEntry> selected = new SimpleObjectProperty<>();
    private final ObservableList<FieldChange> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper selectedTitle = new ReadOnlyStringWrapper("");

    private final AsyncCommand<ChainCheck> verify;

    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper exportProgress = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Notice> exportNotice = new ReadOnlyObjectWrapper<>();
    private AtomicBoolean exportCancelled = new AtomicBoolean();

    private AuditFilter shownFilter = AuditFilter.everything();
    private Optional<Long> older = Optional.empty();
    private BackgroundTasks.Running loadingPage;
    private boolean refreshing;
    private boolean closed;
    private long typed;

    AuditViewModel(AuditRepository audit, AuditCsv csv, AuditEvents events, BackgroundTasks tasks, Formats formats,
                   IntSupplier offlineDays) {
        this.audit = audit;
        this.csv = csv;
        this.events = events;
        this.tasks = tasks;
        this.formats = formats;
        this.offlineDays = offlineDays;
        this.verify = new AsyncCommand<>(tasks, new SimpleBooleanProperty(true), check -> {
            refreshOfflineCopy();
            return checked(check);
        }, failure -> told("Could not verify the audit log.", failure));
        fromDay.addListener((o, before, now) -> reload());
        toDay.addListener((o, before, now) -> reload());
        person.addListener((o, before, now) -> reload());
        action.addListener((o, before, now) -> reload());
        recordType.addListener((o, before, now) -> reload());
        record.addListener((o, before, now) -> {
            // A name found later for the same record does not read the log again.
            if (before == null || now == null || !before.id().equals(now.id())) {
                reload();
            }
        });
        text.addListener((o, before, now) -> {
            long typing = ++typed;
            tasks.onUiAfter(TYPING_PAUSE, () -> {
                if (typing == typed && !closed) {
                    reload();
                }
            });
        });
        selected.addListener((o, before, now) -> {
            changes.setAll(now == null ? List.of() : now.changes());
            selectedTitle.set(now == null ? "" : describe(now));
        });
    }

    void start() {
        tasks.run(audit::people, people::setAll,
                failure -> LoggerFactory.getLogger(AuditViewModel.class).warn("Could not list the people to filter by", failure));
        reload();
        tasks.run(audit::offlineRange, range -> {
            if (offlineRange.get().isEmpty()) {
                range.ifPresent(this::offlineRangeIs);
            }
        }, failure -> LoggerFactory.getLogger(AuditViewModel.class).warn("Could not read the offline copy's range", failure));
        refreshOfflineCopy();
        refreshEvery(OFFLINE_REFRESH);
    }

    // ---- the offline copy ----

    /** Brings the offline copy up to date in the background (one refresh at a time); a list showing the copy is read again. */
    void refreshOfflineCopy() {
        if (refreshing || closed) {
            return;
        }
        refreshing = true;
        tasks.run(() -> audit.refreshOfflineCopy(Duration.ofDays(offlineDays.getAsInt())), range -> {
            refreshing = false;
            range.ifPresentOrElse(this::offlineRangeIs, () -> offlineRange.set(""));
            if (showingOfflineCopy.get() && !loading.get()) {
                reload();
            }
        }, failure -> {
            refreshing = false;
            // The copy keeps what it had; the list says when it shows it.
            LoggerFactory.getLogger(AuditViewModel.class).info("The offline copy of the audit log was not refreshed: {}",
                    failure.toString());
        });
    }

    private void refreshEvery(Duration period) {
        tasks.onUiAfter(period, () -> {
            if (!closed) {
                refreshOfflineCopy();
                refreshEvery(period);
            }
        });
    }

    private void offlineRangeIs(AuditOfflineCopy.Range range) {
        offlineRange.set("Offline: entries since " + sinceText(range.since()));
    }

    private String sinceText(Instant since) {
        return formats.date(since);
    }

    // ---- the list ----

    /** Reads the newest page for the current filters again (what was shown is dropped). */
    void reload() {
        if (loadingPage != null) {
            loadingPage.cancel();
        }
        entries.clear();
        selected.set(null);
        older = Optional.empty();
        hasOlder.set(false);
        Optional<String> wrong = rangeProblem();
        if (wrong.isPresent()) {
            loading.set(false);
            problem.set(true);
            status.set(wrong.get());
            return;
        }
        shownFilter = filter();
        load(Optional.empty());
    }

    /** Reads the next older page and adds it under what is shown. */
    void loadOlder() {
        if (!loading.get() && older.isPresent()) {
            load(older);
        }
    }

    private void load(Optional<Long> before) {
        AuditFilter filter = shownFilter;
        loading.set(true);
        problem.set(false);
        status.set(before.isEmpty() ? "Reading the audit log from the server…" : "Reading older entries…");
        loadingPage = tasks.run(() -> audit.page(filter, before, PAGE), this::shown, failure -> {
            loading.set(false);
            problem.set(true);
            showingOfflineCopy.set(false);
            status.set(told("Could not read the audit log.", failure).sentence());
        });
    }

    private void shown(AuditPage page) {
        loading.set(false);
        entries.addAll(page.entries());
        older = page.before();
        hasOlder.set(older.isPresent());
        showingOfflineCopy.set(page.fromOfflineCopy());
        problem.set(page.fromOfflineCopy());
        String count = formats.number(entries.size()) + (entries.size() == 1 ? " entry" : " entries");
        String shown;
        if (entries.isEmpty()) {
            shown = "No entries match these filters.";
        } else {
            shown = hasOlder.get() ? "Showing the newest " + count + "; older ones load with Load older."
                    : "Showing all " + count + ".";
        }
        status.set(page.offlineSince().map(since -> "Showing the offline copy (entries since " + sinceText(since)
                + "): the server cannot be reached. " + shown).orElse(shown));
    }

    private Optional<String> rangeProblem() {
        if (fromDay.get() != null && toDay.get() != null && toDay.get().isBefore(fromDay.get())) {
            return Optional.of("The range ends before it starts; pick a later \"to\" day.");
        }
        return Optional.empty();
    }

    /** The filters as the server applies them; days are whole days in the company's zone ("to" included). */
    AuditFilter filter() {
        Optional<Instant> from = Optional.ofNullable(fromDay.get()).map(day -> day.atStartOfDay(formats.zone()).toInstant());
        Optional<Instant> to = Optional.ofNullable(toDay.get())
                .map(day -> day.plusDays(1).atStartOfDay(formats.zone()).toInstant());
        AuditFilter filter = new AuditFilter(from, to, Optional.ofNullable(person.get()).map(AuditRepository.Person::id),
                Optional.ofNullable(action.get()).map(AuditAction::code), Optional.empty(), Optional.empty(),
                Optional.ofNullable(text.get()));
        if (record.get() != null) {
            return filter.historyOf(record.get().table(), record.get().id());
        }
        return recordType.get() == null ? filter : filter.recordType(recordType.get().table());
    }

    /** Shows only this entry's record's history (every change of that job, invoice, customer…). */
    void showHistoryOf(AuditEntry entry) {
        if (entry.recordType().isEmpty() || entry.recordId().isEmpty()) {
            return;
        }
        String table = entry.recordType().get();
        record.set(new OneRecord(table, entry.recordId().get(), entry.recordName()
                .orElse(AuditRecordType.labelOf(table) + " " + entry.recordId().get().toString().substring(0, 8))));
    }

    void clearRecord() {
        record.set(null);
    }

    /** Every filter back to "everything". */
    void clearFilters() {
        record.set(null);
        clearAllButTheRecord();
    }

    private void clearAllButTheRecord() {
        fromDay.set(null);
        toDay.set(null);
        person.set(null);
        action.set(null);
        recordType.set(null);
        text.set("");
    }

    /** Shows one record's history (the "History" button of another section): every change of it. */
    void showHistoryOf(String table, UUID id) {
        clearAllButTheRecord();
        record.set(new OneRecord(table, id, AuditRecordType.labelOf(table) + " " + id.toString().substring(0, 8)));
        tasks.run(() -> audit.recordName(table, id), name -> name.ifPresent(known -> {
            if (record.get() != null && record.get().id().equals(id)) {
                record.set(new OneRecord(table, id, known));
            }
        }), failure -> LoggerFactory.getLogger(AuditViewModel.class).warn("Could not name the record", failure));
    }

    // ---- one entry in words ----

    /**
     * "Job 42 · Boiler", "Customer: Ada Brennan": the record's name (with its type where the name
     * does not say it), else its type, else nothing (a sign-in has no record).
     */
    String recordText(AuditEntry entry) {
        String type = entry.recordType().map(AuditRecordType::labelOf).orElse("");
        boolean nameSaysType = entry.recordType().filter(NAMED_WITH_THEIR_KIND::contains).isPresent();
        return entry.recordName().map(Lines::oneLine).map(name -> type.isEmpty() || nameSaysType ? name : type + ": " + name)
                .orElse(type);
    }

    /** The old value in words; a time as the company's clock shows it. */
    String beforeText(FieldChange change) {
        return change.before().isEmpty() ? change.beforeInWords() : timeInZone(change.before().get())
                .orElse(change.beforeInWords());
    }

    /** The new value in words; a time as the company's clock shows it. */
    String afterText(FieldChange change) {
        return change.after().isEmpty() ? change.afterInWords() : timeInZone(change.after().get())
                .orElse(change.afterInWords());
    }

    /** "Status: Scheduled → Dispatched", with times in the company's zone. */
    String changeText(FieldChange change) {
        return change.before().isEmpty() ? change.label() + ": " + afterText(change)
                : change.label() + ": " + beforeText(change) + " → " + afterText(change);
    }

    /** A server timestamp ("2026-12-06T14:00:00+00:00") in the company's zone; empty for any other value. */
    private Optional<String> timeInZone(String value) {
        if (value.length() < 20 || value.charAt(10) != 'T') {
            return Optional.empty();
        }
        try {
            return Optional.of(formats.dateTime(java.time.OffsetDateTime.parse(value).toInstant()));
        } catch (java.time.format.DateTimeParseException notATime) {
            return Optional.empty();
        }
    }

    /**
     * "Sam Super (Supervisor)"; "Someone (Dispatcher)" when this computer does not know the person;
     * "The system" for what the database did on its own (no person signed in).
     */
    String personText(AuditEntry entry) {
        String role = entry.actorRole().isKnown() ? " (" + entry.actorRole().label() + ")" : "";
        if (entry.actorId().isEmpty()) {
            return "The system" + role;
        }
        return entry.actorName().orElse("Someone") + role;
    }

    /** "Status: Scheduled → Dispatched; Title: …", the changes on one line. */
    String summaryText(AuditEntry entry) {
        if (entry.changes().isEmpty()) {
            return "";
        }
        List<FieldChange> all = entry.changes();
        String shown = String.join("; ", all.stream().limit(3).map(this::changeText).toList());
        return all.size() > 3 ? shown + "; and " + (all.size() - 3) + " more" : shown;
    }

    private String describe(AuditEntry entry) {
        String what = AuditAction.labelOf(entry.action());
        String on = recordText(entry);
        return what + (on.isEmpty() ? "" : " · " + on) + " — " + personText(entry) + ", " + formats.dateTime(entry.occurredAt())
                + " (entry " + entry.seq() + ")";
    }

    // ---- verify ----

    void verify() {
        verify.run(() -> audit::verify);
    }

    private static Notice checked(ChainCheck check) {
        return check instanceof ChainCheck.Intact ? Notice.success(check.sentence()) : Notice.error(check.sentence());
    }

    // ---- export ----

    /** Writes the filtered range (every page, not only what is shown) to {@code file} as CSV, then records the export. */
    void export(Path file) {
        if (exporting.get()) {
            return;
        }
        AuditFilter filter = filter();
        AtomicBoolean cancelled = new AtomicBoolean();
        exportCancelled = cancelled;
        exporting.set(true);
        exportNotice.set(null);
        exportProgress.set("Exporting…");
        Consumer<Long> progress = tasks.newestOnUi(written -> {
            if (exporting.get()) {
                exportProgress.set("Exported " + formats.number(written) + " entries…");
            }
        });
        tasks.run(() -> {
            AuditCsv.Result result;
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                result = csv.write(filter, out, progress::accept, cancelled::get);
            } catch (Exception failed) {
                // Half a log must not pass for the whole of it.
                Files.deleteIfExists(file);
                throw failed;
            }
            if (result.cancelled()) {
                Files.deleteIfExists(file);
                return Notice.info("Export cancelled; the unfinished file was removed.");
            }
            String done = "Exported " + formats.number(result.entries()) + (result.entries() == 1 ? " entry" : " entries")
                    + " to " + file.getFileName() + ".";
            try {
                events.recordExport(filter, result.entries());
            } catch (AuditUnavailableException notRecorded) {
                return Notice.warning(done + " The server could not record the export in the log: " + notRecorded.sentence());
            }
            return Notice.success(done + " The export is recorded in the audit log.");
        }, notice -> {
            exporting.set(false);
            exportProgress.set("");
            exportNotice.set(notice);
        }, failure -> {
            exporting.set(false);
            exportProgress.set("");
            exportNotice.set(told("Could not export the audit log.", failure));
        });
    }

    void cancelExport() {
        exportCancelled.set(true);
        exportProgress.set("Cancelling…");
    }

    /** A failure as one sentence: the audit log's own reason when it has one. */
    private static Notice told(String whatFailed, Exception failure) {
        if (failure instanceof AuditUnavailableException unavailable) {
            return Notice.warning(whatFailed + " " + unavailable.sentence());
        }
        return Failures.notice(whatFailed, failure);
    }

    // ---- properties ----

    ObjectProperty<LocalDate> fromDayProperty() {
        return fromDay;
    }

    ObjectProperty<LocalDate> toDayProperty() {
        return toDay;
    }

    ObjectProperty<AuditRepository.Person> personProperty() {
        return person;
    }

    ObjectProperty<AuditAction> actionProperty() {
        return action;
    }

    ObjectProperty<AuditRecordType> recordTypeProperty() {
        return recordType;
    }

    ReadOnlyObjectProperty<OneRecord> recordProperty() {
        return record.getReadOnlyProperty();
    }

    StringProperty textProperty() {
        return text;
    }

    ReadOnlyStringProperty offlineRangeProperty() {
        return offlineRange.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty showingOfflineCopyProperty() {
        return showingOfflineCopy.getReadOnlyProperty();
    }

    ObservableList<AuditRepository.Person> people() {
        return people;
    }

    ObservableList<AuditEntry> entries() {
        return entries;
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty hasOlderProperty() {
        return hasOlder.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ObjectProperty<AuditEntry> selectedProperty() {
        return selected;
    }

    ObservableList<FieldChange> changes() {
        return changes;
    }

    ReadOnlyStringProperty selectedTitleProperty() {
        return selectedTitle.getReadOnlyProperty();
    }

    AsyncCommand<ChainCheck> verifyCommand() {
        return verify;
    }

    ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    ReadOnlyStringProperty exportProgressProperty() {
        return exportProgress.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Notice> exportNoticeProperty() {
        return exportNotice.getReadOnlyProperty();
    }

    Formats formats() {
        return formats;
    }

    @Override
    public void close() {
        closed = true;
        if (loadingPage != null) {
            loadingPage.cancel();
        }
        exportCancelled.set(true);
    }
}
