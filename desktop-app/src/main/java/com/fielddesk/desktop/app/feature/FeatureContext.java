package com.fielddesk.desktop.app.feature;

import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Chime;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.desktop.ui.ViewSettings;

import java.time.Clock;

/**
 * The signed-in session's services a feature's screen is made with (constructor injection from
 * the composition root; nothing static).
 *
 * @param repositories the user's cache, table by table
 * @param changes      where the cache's change notices come from (for {@code LiveList})
 * @param tasks        the one background → FX-thread boundary
 * @param sync         the sync engine's status and online flag as FX properties
 * @param settings     remembered view settings (column layouts, toggles)
 * @param clock        now, in the company's time zone
 * @param formats      dates, times, numbers and money as the console writes them (company zone)
 * @param navigator    how to open another section's records
 * @param chime        the sound for news the user should not miss
 */
public record FeatureContext(Repositories repositories, ChangeSource changes, BackgroundTasks tasks, SyncState sync,
                             ViewSettings settings, Clock clock, Formats formats, Navigator navigator, Chime chime) {
}
