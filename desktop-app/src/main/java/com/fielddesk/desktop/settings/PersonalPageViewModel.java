package com.fielddesk.desktop.settings;

import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.Chime;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.Theme;
import com.fielddesk.desktop.ui.ViewSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;

/**
 * Settings → Personal, this person's choices on this computer (remembered in the console's settings
 * file, applied at once): the theme (light, dark or the system's), the new-lead sound, the dispatch
 * board's snap, and how many days of the audit log stay readable offline.
 */
final class PersonalPageViewModel {

    private final ConsoleControls console;
    private final ViewSettings settings;
    private final BackgroundTasks tasks;
    private final Chime chime;

    private final ObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>();
    private final BooleanProperty newLeadSound = new SimpleBooleanProperty();
    private final ObjectProperty<Integer> boardSnap = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> offlineAuditDays = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper themeNote = new ReadOnlyStringWrapper("");
    /** True while {@link #reread} shows the stored choices (they are not choices made now). */
    private boolean rereading;

    PersonalPageViewModel(ConsoleControls console, ViewSettings settings, BackgroundTasks tasks, Chime chime) {
        this.console = console;
        this.settings = settings;
        this.tasks = tasks;
        this.chime = chime;
        reread();
        theme.addListener((o, before, now) -> {
            if (!rereading) {
                chosen(now);
            }
        });
        newLeadSound.addListener((o, before, now) -> {
            if (!rereading) {
                remember(ViewSettings.NEW_LEAD_SOUND, String.valueOf(now));
            }
        });
        boardSnap.addListener((o, before, now) -> {
            if (now == null || !ViewSettings.BOARD_SNAPS.contains(now)) {
                boardSnap.set(before);
            } else if (!rereading) {
                remember(ViewSettings.BOARD_SNAP_MINUTES, String.valueOf(now));
            }
        });
        offlineAuditDays.addListener((o, before, now) -> {
            if (now == null || now < 1 || now > ViewSettings.MAX_OFFLINE_AUDIT_DAYS) {
                offlineAuditDays.set(before);
            } else if (!rereading) {
                remember(ViewSettings.OFFLINE_AUDIT_DAYS, String.valueOf(now));
            }
        });
    }

    /**
     * Shows the choices as the settings file has them now: the header's theme button and the Leads
     * section's sound toggle change them too (called whenever the page is shown).
     */
    void reread() {
        rereading = true;
        try {
            boolean followsSystem = Boolean.parseBoolean(settings.get(ViewSettings.THEME_FOLLOWS_SYSTEM).orElse("false"));
            theme.set(followsSystem ? ThemeChoice.SYSTEM
                    : Theme.parse(settings.get(ViewSettings.THEME).orElse("LIGHT")) == Theme.DARK ? ThemeChoice.DARK
                    : ThemeChoice.LIGHT);
            newLeadSound.set(Boolean.parseBoolean(settings.get(ViewSettings.NEW_LEAD_SOUND).orElse("false")));
            boardSnap.set(settings.boardSnapMinutes());
            offlineAuditDays.set(settings.offlineAuditDays());
        } finally {
            rereading = false;
        }
    }

    private void chosen(ThemeChoice choice) {
        if (choice == null) {
            return;
        }
        remember(ViewSettings.THEME_FOLLOWS_SYSTEM, String.valueOf(choice == ThemeChoice.SYSTEM));
        if (choice == ThemeChoice.SYSTEM) {
            themeNote.set("Asking the system whether it is light or dark…");
            tasks.run(SystemTheme::detect, system -> {
                if (theme.get() == ThemeChoice.SYSTEM) {
                    console.applyTheme(system);
                    themeNote.set("The system is " + (system == Theme.DARK ? "dark" : "light")
                            + " now; the console checks again each time it starts.");
                }
            }, failure -> themeNote.set(Failures.sentence("Could not ask the system for its theme.", failure)));
        } else {
            themeNote.set("");
            console.applyTheme(choice == ThemeChoice.DARK ? Theme.DARK : Theme.LIGHT);
        }
    }

    private void remember(String key, String value) {
        settings.put(key, value);
        tasks.run(() -> {
            settings.save();
            return true;
        }, saved -> { }, failure -> themeNote.set(Failures.sentence("Could not save your settings on this computer.", failure)));
    }

    /** Plays the new-lead sound once, so the person hears what it is. */
    void trySound() {
        chime.play();
    }

    List<Integer> snaps() {
        return ViewSettings.BOARD_SNAPS;
    }

    ObjectProperty<ThemeChoice> themeProperty() {
        return theme;
    }

    BooleanProperty newLeadSoundProperty() {
        return newLeadSound;
    }

    ObjectProperty<Integer> boardSnapProperty() {
        return boardSnap;
    }

    ObjectProperty<Integer> offlineAuditDaysProperty() {
        return offlineAuditDays;
    }

    /** What the theme choice needs saying (the system's answer), or "". */
    ReadOnlyStringProperty themeNoteProperty() {
        return themeNote.getReadOnlyProperty();
    }
}
