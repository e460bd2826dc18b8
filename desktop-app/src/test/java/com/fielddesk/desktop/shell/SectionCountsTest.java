package com.fielddesk.desktop.shell;

import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.SectionCount;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.domain.common.Role;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A section publishes a number (unread messages): the shell counts it at start and again after a
 * change to the tables it names, shows it after the section's name and adds up the numbers of the
 * sections the role sees for the window title; a section without one, or before the counts start, shows nothing.
 */
class SectionCountsTest {

    private final AtomicLong unread = new AtomicLong(3);
    private final AtomicLong overdue = new AtomicLong(2);
    private final List<Consumer<Set<String>>> listeners = new ArrayList<>();
    private final List<Set<String>> subscribedTables = new ArrayList<>();
    private final ChangeSource changes = (tables, listener) -> {
        subscribedTables.add(Set.copyOf(tables));
        listeners.add(listener);
        return () -> listeners.remove(listener);
    };
    /** Work and UI callbacks run at once on this thread. */
    private final BackgroundTasks tasks = new BackgroundTasks(Runnable::run, Runnable::run);

    @Test
    void countsAtStartAgainAfterAChangeAndAddsThemUp() {
        SectionNavigator navigator = new SectionNavigator(List.of(
                section("messages", new SectionCount(unread::get, Set.of("customer_messages", "internal_messages"))),
                section("invoices", new SectionCount(overdue::get, Set.of("invoices"))),
                Feature.section("jobs", "Jobs").group("Work").icon(Material2MZ.WORK).visibleTo(Role.OFFICE_STAFF)
                        .screen(context -> null)));
        navigator.roleChanged(null);   // the role is not known yet: every section shows
        SectionCounts counts = navigator.counts();
        assertThat(counts.totalProperty().get()).as("before start").isZero();

        counts.start(changes, tasks);
        assertThat(counts.countProperty("messages").get()).isEqualTo(3);
        assertThat(counts.countProperty("jobs").get()).as("publishes no number").isZero();
        assertThat(counts.totalProperty().get()).isEqualTo(5);
        assertThat(subscribedTables).contains(Set.of("customer_messages", "internal_messages"), Set.of("invoices"));

        navigator.roleChanged(Role.TECHNICIAN);
        assertThat(counts.totalProperty().get()).as("a technician sees neither section").isZero();
        navigator.roleChanged(Role.CSR);
        assertThat(counts.totalProperty().get()).isEqualTo(5);

        unread.set(0);
        listeners.forEach(listener -> listener.accept(Set.of("internal_messages")));
        assertThat(counts.countProperty("messages").get()).isZero();
        assertThat(counts.totalProperty().get()).isEqualTo(2);

        navigator.close();
        assertThat(listeners).as("closing the navigator stops the counts").isEmpty();
    }

    @Test
    void theNavigationItemShowsTheNumberOnlyWhenThereIsOne() {
        assertThat(ShellView.navItemText("Messages", 3)).isEqualTo("Messages (3)");
        assertThat(ShellView.navItemText("Messages", 0)).isEqualTo("Messages");
    }

    private static Feature section(String id, SectionCount count) {
        return Feature.section(id, id).group("Sales").icon(Material2MZ.MAIL).visibleTo(Role.OFFICE_STAFF).counts(count)
                .screen(context -> null);
    }
}
