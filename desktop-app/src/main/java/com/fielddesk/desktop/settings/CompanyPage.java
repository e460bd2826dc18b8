package com.fielddesk.desktop.settings;

import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.domain.common.InvalidInputException;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.settings.CompanySettingsRepository;
import com.fielddesk.domain.settings.SettingsNotAllowedException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * What the company's pages (lead preferences, invoice branding) share: reading them with the
 * person's role, who may change them (an admin; anyone else reads them with the reason), saving in
 * the background, and the page's notice.
 */
final class CompanyPage {

    private final CompanySettingsRepository settings;
    private final BackgroundTasks tasks;
    /** "the company's lead preferences; you see them as they are": what only an admin changes. */
    private final String onlyAnAdmin;

    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper mayChange = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();

    CompanyPage(CompanySettingsRepository settings, BackgroundTasks tasks, String onlyAnAdmin) {
        this.settings = settings;
        this.tasks = tasks;
        this.onlyAnAdmin = onlyAnAdmin;
    }

    private record Read<T>(Optional<T> value, Optional<Role> role) {
    }

    /** Reads the page's values and the person's role from the cache, then shows them with {@code show}. */
    <T> void load(Callable<Optional<T>> read, String whatIsRead, Consumer<T> show) {
        tasks.run(() -> new Read<>(read.call(), settings.role()), result -> {
            boolean admin = result.role().map(Role.ADMIN::equals).orElse(false);
            mayChange.set(admin && result.value().isPresent());
            readOnlyReason.set(result.value().isEmpty() ? "The company is not on this computer yet; wait for the first sync."
                    : admin ? "" : "Only an admin can change " + onlyAnAdmin + ".");
            result.value().ifPresent(show);
            loaded.set(true);
        }, failure -> notice.set(Failures.notice("Could not read " + whatIsRead + " from this computer's copy.", failure)));
    }

    /**
     * Queues a change in the background; then {@code queued} runs on the FX thread and ends the save
     * with {@link #saved}. A refusal or failure ends it with its sentence.
     */
    void save(Callable<?> change, String whatIsSaved, Runnable queued) {
        if (!mayChange.get() || saving.get()) {
            return;
        }
        saving.set(true);
        notice.set(null);
        tasks.run(change, done -> queued.run(), failure -> saved(refused(failure)
                .orElseGet(() -> Failures.notice("Could not save " + whatIsSaved + ".", failure))));
    }

    /** The save is over; {@code result} says how it went. */
    void saved(Notice result) {
        saving.set(false);
        notice.set(result);
    }

    void tell(Notice news) {
        notice.set(news);
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

    ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty mayChangeProperty() {
        return mayChange.getReadOnlyProperty();
    }

    ReadOnlyStringProperty readOnlyReasonProperty() {
        return readOnlyReason.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
