package com.fielddesk.desktop.settings;

import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.common.InvalidInputException;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.leads.Trade;
import com.fielddesk.domain.settings.CompanySettingsRepository;
import com.fielddesk.domain.settings.LeadPreferences;
import com.fielddesk.domain.settings.SettingsNotAllowedException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings → Lead preferences: whether the company takes leads from the pool, for which trades and
 * in which postal codes. An admin changes them (saved through the outbox, then the pool is pulled
 * again for the new preferences); a supervisor reads them, with the reason they cannot change them.
 */
final class LeadPreferencesViewModel {

    private final CompanySettingsRepository settings;
    private final LeadPoolRefresh pool;
    private final SyncState sync;
    private final BackgroundTasks tasks;

    private final BooleanProperty optIn = new SimpleBooleanProperty();
    /** Every trade shown: the known ones, then any unknown code the server holds (kept as it is). */
    private final Map<Trade, BooleanProperty> trades = new LinkedHashMap<>();
    private final ObservableList<Trade> tradesShown = FXCollections.observableArrayList();
    private final ObservableList<String> postalCodes = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper mayChange = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper codeProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tradesProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper codesProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();

    LeadPreferencesViewModel(CompanySettingsRepository settings, LeadPoolRefresh pool, SyncState sync, BackgroundTasks tasks) {
        this.settings = settings;
        this.pool = pool;
        this.sync = sync;
        this.tasks = tasks;
        for (Trade trade : Trade.values()) {
            trades.put(trade, new SimpleBooleanProperty());
        }
        tradesShown.setAll(trades.keySet());
    }

    /** What the page shows, read from the cache. */
    private record Read(Optional<LeadPreferences> preferences, Optional<Role> role) {
    }

    void load() {
        tasks.run(() -> new Read(settings.leadPreferences(), settings.role()), this::shown,
                failure -> notice.set(Failures.notice("Could not read the lead preferences from this computer's copy.", failure)));
    }

    private void shown(Read read) {
        boolean admin = read.role().map(Role.ADMIN::equals).orElse(false);
        mayChange.set(admin && read.preferences().isPresent());
        readOnlyReason.set(read.preferences().isEmpty() ? "The company is not on this computer yet; wait for the first sync."
                : admin ? "" : "Only an admin can change the company's lead preferences; you see them as they are.");
        read.preferences().ifPresent(preferences -> {
            optIn.set(preferences.optIn());
            for (Trade trade : preferences.trades()) {
                if (!trades.containsKey(trade)) {
                    trades.put(trade, new SimpleBooleanProperty());
                    tradesShown.add(trade);
                }
            }
            trades.forEach((trade, on) -> on.set(preferences.trades().contains(trade)));
            postalCodes.setAll(preferences.postalCodes());
        });
        loaded.set(true);
    }

    // ---- postal codes ----

    /** Adds a typed code (cleaned: no spaces around, upper-case); false, with the reason, when it cannot be added. */
    boolean addPostalCode(String typed) {
        Optional<String> problem = LeadPreferences.postalCodeProblem(typed);
        String code = LeadPreferences.clean(typed);
        if (problem.isEmpty() && postalCodes.contains(code)) {
            problem = Optional.of(code + " is in the list already.");
        }
        if (problem.isEmpty() && postalCodes.size() >= LeadPreferences.MAX_POSTAL_CODES) {
            problem = Optional.of("At most " + LeadPreferences.MAX_POSTAL_CODES + " postal codes; remove one first.");
        }
        codeProblem.set(problem.orElse(""));
        if (problem.isPresent()) {
            return false;
        }
        postalCodes.add(code);
        codesProblem.set("");
        return true;
    }

    void removePostalCode(String code) {
        postalCodes.remove(code);
    }

    /** Backspace in an empty field: the last code goes. */
    void removeLastPostalCode() {
        if (!postalCodes.isEmpty()) {
            postalCodes.remove(postalCodes.size() - 1);
        }
    }

    // ---- saving ----

    LeadPreferences edited() {
        Set<Trade> chosen = trades.entrySet().stream().filter(entry -> entry.getValue().get()).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return new LeadPreferences(optIn.get(), chosen, new ArrayList<>(postalCodes));
    }

    /**
     * Checks, then queues the change through the repository; then, online, sends it and pulls the
     * pool again; offline, says the pool follows once the change reaches the server.
     */
    void save() {
        if (!mayChange.get() || saving.get()) {
            return;
        }
        LeadPreferences edited = edited();
        List<FieldError> problems = edited.problems();
        tradesProblem.set(first(problems, "trades"));
        codesProblem.set(first(problems, "postalCodes"));
        if (!problems.isEmpty()) {
            notice.set(Notice.warning("Nothing was saved: " + problems.get(0).message()));
            return;
        }
        saving.set(true);
        notice.set(null);
        boolean online = sync.onlineProperty().get();
        tasks.run(() -> {
            settings.saveLeadPreferences(edited);
            return true;
        }, saved -> {
            if (!online) {
                saving.set(false);
                notice.set(Notice.info("Saved on this computer. It goes to the server when the console is online again, "
                        + "and the lead pool follows the new preferences then."));
                return;
            }
            notice.set(Notice.info("Saved. Sending it to the server and bringing the lead pool for these preferences…"));
            tasks.run(pool::pushThenPullPool, rows -> {
                saving.set(false);
                notice.set(Notice.success("Saved. The lead pool now follows these preferences ("
                        + "the server shows " + (rows == 1 ? "1 lead" : rows + " leads") + " in it now)."));
            }, failure -> {
                saving.set(false);
                notice.set(Failures.notice("Saved on this computer; the lead pool could not be brought again yet, and "
                        + "follows with the next sync.", failure));
            });
        }, failure -> {
            saving.set(false);
            notice.set(refused(failure).orElseGet(() -> Failures.notice("Could not save the lead preferences.", failure)));
        });
    }

    /** A refusal the domain explains itself (not an admin, the company not synced yet, a field wrong). */
    static Optional<Notice> refused(Exception failure) {
        if (failure instanceof SettingsNotAllowedException notAllowed) {
            return Optional.of(Notice.warning("Nothing was saved: " + notAllowed.sentence()));
        }
        if (failure instanceof InvalidInputException invalid && !invalid.errors().isEmpty()) {
            return Optional.of(Notice.warning("Nothing was saved: " + invalid.errors().get(0).message()));
        }
        return Optional.empty();
    }

    /** Back to what is saved. */
    void revert() {
        tradesProblem.set("");
        codesProblem.set("");
        codeProblem.set("");
        notice.set(null);
        load();
    }

    private static String first(List<FieldError> problems, String field) {
        return problems.stream().filter(problem -> problem.field().equals(field)).map(FieldError::message).findFirst().orElse("");
    }

    BooleanProperty optInProperty() {
        return optIn;
    }

    ObservableList<Trade> trades() {
        return tradesShown;
    }

    BooleanProperty tradeProperty(Trade trade) {
        return trades.get(trade);
    }

    ObservableList<String> postalCodes() {
        return postalCodes;
    }

    ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty mayChangeProperty() {
        return mayChange.getReadOnlyProperty();
    }

    ReadOnlyStringProperty readOnlyReasonProperty() {
        return readOnlyReason.getReadOnlyProperty();
    }

    ReadOnlyStringProperty codeProblemProperty() {
        return codeProblem.getReadOnlyProperty();
    }

    ReadOnlyStringProperty tradesProblemProperty() {
        return tradesProblem.getReadOnlyProperty();
    }

    ReadOnlyStringProperty codesProblemProperty() {
        return codesProblem.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
