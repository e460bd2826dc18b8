package com.fielddesk.desktop.ui;

import com.fielddesk.desktop.testing.QueuedExecutor;
import com.fielddesk.supabase.errors.ConflictException;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncCommandTest {

    private final QueuedExecutor background = new QueuedExecutor();
    private final QueuedExecutor ui = new QueuedExecutor();
    private final BackgroundTasks tasks = new BackgroundTasks(background, ui);
    private final SimpleBooleanProperty leadSelected = new SimpleBooleanProperty(true);

    @Test
    void runsInTheBackgroundIsBusyMeanwhileAndEndsWithTheSuccessNotice() {
        AsyncCommand<String> claim = new AsyncCommand<>(tasks, leadSelected, lead -> Notice.success("Claimed " + lead + "."));
        assertThat(claim.canRunBinding().get()).isTrue();

        assertThat(claim.run(() -> () -> "the HVAC lead")).isTrue();
        assertThat(claim.busyProperty().get()).isTrue();
        assertThat(claim.canRunBinding().get()).as("not twice at once").isFalse();
        assertThat(claim.run(() -> () -> "another")).isFalse();

        background.runAll();
        assertThat(claim.busyProperty().get()).as("results arrive on the UI thread only").isTrue();
        ui.runAll();
        assertThat(claim.busyProperty().get()).isFalse();
        assertThat(claim.noticeProperty().get()).isEqualTo(Notice.success("Claimed the HVAC lead."));
        assertThat(background.size()).as("the refused second run never ran").isZero();
    }

    @Test
    void cannotRunWhileItsConditionDoesNotHoldAndPreparesNothingThen() {
        AtomicInteger prepared = new AtomicInteger();
        AsyncCommand<String> claim = new AsyncCommand<>(tasks, leadSelected, lead -> Notice.success("ok"));
        leadSelected.set(false);
        assertThat(claim.canRunBinding().get()).isFalse();
        assertThat(claim.run(() -> {
            prepared.incrementAndGet();
            return () -> "x";
        })).isFalse();
        assertThat(prepared).hasValue(0);
        assertThat(background.size()).isZero();
    }

    @Test
    void aFailureEndsWithOneSentenceNeverTheExceptionsText() {
        AsyncCommand<String> save = new AsyncCommand<>(tasks, leadSelected, done -> Notice.success("Saved."));
        save.run(() -> () -> {
            throw new IllegalStateException("NullPointerException in RowMapper.map at line 42");
        });
        background.runAll();
        ui.runAll();
        Notice notice = save.noticeProperty().get();
        assertThat(notice.kind()).isEqualTo(Notice.Kind.ERROR);
        assertThat(notice.sentence()).isEqualTo("Something went wrong. The details are in the log.");
        assertThat(notice.details()).hasValueSatisfying(details -> assertThat(details).contains("RowMapper"));
        assertThat(save.busyProperty().get()).isFalse();
    }

    @Test
    void aServerRefusalEndsWithItsCodedSentence() {
        AsyncCommand<String> claim = new AsyncCommand<>(tasks, leadSelected, done -> Notice.success("Claimed."));
        claim.run(() -> () -> {
            throw new ConflictException(409, "already_claimed", "This lead was already claimed by another company.", null,
                    null);
        });
        background.runAll();
        ui.runAll();
        assertThat(claim.noticeProperty().get().sentence()).isEqualTo("This lead was already claimed by another company.");
        assertThat(claim.noticeProperty().get().kind()).isEqualTo(Notice.Kind.WARNING);
    }

    @Test
    void startingAgainClearsTheLastNotice() {
        AsyncCommand<String> claim = new AsyncCommand<>(tasks, leadSelected, done -> Notice.success("Claimed."));
        claim.run(() -> () -> "first");
        background.runAll();
        ui.runAll();
        assertThat(claim.noticeProperty().get()).isNotNull();
        claim.run(() -> () -> "second");
        assertThat(claim.noticeProperty().get()).isNull();
    }
}
