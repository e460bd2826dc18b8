package com.fielddesk.desktop.settings;

import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.leads.Trade;
import com.fielddesk.domain.settings.CompanySettingsRepository;
import com.fielddesk.domain.settings.LeadPreferences;
import javafx.beans.property.BooleanProperty;
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
    private final CompanyPage page;

    private final BooleanProperty optIn = new SimpleBooleanProperty();
    /** Every trade shown: the known ones, then any unknown code the server holds (kept as it is). */
    private final Map<Trade, BooleanProperty> trades = new LinkedHashMap<>();
    private final ObservableList<Trade> tradesShown = FXCollections.observableArrayList();
    private final ObservableList<String> postalCodes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper codeProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tradesProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper codesProblem = new ReadOnlyStringWrapper("");

    LeadPreferencesViewModel(CompanySettingsRepository settings, LeadPoolRefresh pool, SyncState sync, BackgroundTasks tasks) {
        this.settings = settings;
        this.pool = pool;
        this.sync = sync;
        this.tasks = tasks;
        this.page = new CompanyPage(settings, tasks, "the company's lead preferences; you see them as they are");
        for (Trade trade : Trade.values()) {
            trades.put(trade, new SimpleBooleanProperty());
        }
        tradesShown.setAll(trades.keySet());
    }

    void load() {
        page.load(settings::leadPreferences, "the lead preferences", this::shown);
    }

    private void shown(LeadPreferences preferences) {
        optIn.set(preferences.optIn());
        for (Trade trade : preferences.trades()) {
            if (!trades.containsKey(trade)) {
                trades.put(trade, new SimpleBooleanProperty());
                tradesShown.add(trade);
            }
        }
        trades.forEach((trade, on) -> on.set(preferences.trades().contains(trade)));
        postalCodes.setAll(preferences.postalCodes());
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
        if (!page.mayChangeProperty().get() || page.savingProperty().get()) {
            return;
        }
        LeadPreferences edited = edited();
        List<FieldError> problems = edited.problems();
        tradesProblem.set(first(problems, "trades"));
        codesProblem.set(first(problems, "postalCodes"));
        if (!problems.isEmpty()) {
            page.tell(Notice.warning("Nothing was saved: " + problems.get(0).message()));
            return;
        }
        boolean online = sync.onlineProperty().get();
        page.save(() -> {
            settings.saveLeadPreferences(edited);
            return true;
        }, "the lead preferences", () -> {
            if (!online) {
                page.saved(Notice.info("Saved on this computer. It goes to the server when the console is online again, "
                        + "and the lead pool follows the new preferences then."));
                return;
            }
            page.tell(Notice.info("Saved. Sending it to the server and bringing the lead pool for these preferences…"));
            tasks.run(pool::pushThenPullPool, rows -> page.saved(Notice.success("Saved. The lead pool now follows these "
                    + "preferences (the server shows " + (rows == 1 ? "1 lead" : rows + " leads") + " in it now).")),
                    failure -> page.saved(Failures.notice("Saved on this computer; the lead pool could not be brought again "
                            + "yet, and follows with the next sync.", failure)));
        });
    }

    /** Back to what is saved. */
    void revert() {
        tradesProblem.set("");
        codesProblem.set("");
        codeProblem.set("");
        page.tell(null);
        load();
    }

    private static String first(List<FieldError> problems, String field) {
        return problems.stream().filter(problem -> problem.field().equals(field)).map(FieldError::message).findFirst().orElse("");
    }

    CompanyPage page() {
        return page;
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

    ReadOnlyStringProperty codeProblemProperty() {
        return codeProblem.getReadOnlyProperty();
    }

    ReadOnlyStringProperty tradesProblemProperty() {
        return tradesProblem.getReadOnlyProperty();
    }

    ReadOnlyStringProperty codesProblemProperty() {
        return codesProblem.getReadOnlyProperty();
    }
}
