package com.fielddesk.desktop.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * A user action that does its work in the background: busy while it runs, runnable only when its
 * condition holds and it is not busy, and ending with one {@link Notice} — the success notice the
 * caller gives, or the failure told as a sentence ({@link Failures}). Use from the FX thread.
 *
 * <pre>{@code
 * AsyncCommand<Lead> claim = new AsyncCommand<>(tasks, selected.isNotNull().and(sync.onlineProperty()),
 *         lead -> Notice.success("Claimed. The customer's details are in My leads."));
 * claim.run(() -> {                       // on the FX thread: read what the work needs
 *     Lead lead = selected.get();
 *     return () -> { actions.claim(lead.id()); return lead; };   // off the FX thread
 * });
 * }</pre>
 *
 * @param <T> what the work returns to the success notice
 */
public final class AsyncCommand<T> {

    /** Looked up at the first message: the sign-in form makes a command before the first frame. */
    private static Logger log() {
        return LoggerFactory.getLogger(AsyncCommand.class);
    }

    /** Prepares one run on the FX thread (reading the inputs it needs) and returns the work to run in the background. */
    @FunctionalInterface
    public interface Preparation<T> {
        Callable<? extends T> prepare();
    }

    private final BackgroundTasks tasks;
    private final Function<? super T, Notice> successNotice;
    private final Function<? super Exception, Notice> failureNotice;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canRun;

    /**
     * @param condition     when the action makes sense (e.g. a lead is selected and the server is reachable)
     * @param successNotice what to tell the user when it worked (null: nothing to say)
     */
    public AsyncCommand(BackgroundTasks tasks, ObservableBooleanValue condition, Function<? super T, Notice> successNotice) {
        this(tasks, condition, successNotice, Failures::notice);
    }

    /** As above, with the failure told by {@code failureNotice} instead of {@link Failures#notice(Throwable)}. */
    public AsyncCommand(BackgroundTasks tasks, ObservableBooleanValue condition, Function<? super T, Notice> successNotice,
                        Function<? super Exception, Notice> failureNotice) {
        this.tasks = Objects.requireNonNull(tasks);
        this.successNotice = Objects.requireNonNull(successNotice);
        this.failureNotice = Objects.requireNonNull(failureNotice);
        this.canRun = Bindings.createBooleanBinding(() -> condition.get() && !busy.get(), condition, busy);
    }

    /**
     * Runs the prepared work in the background; returns false (and runs nothing) when the command
     * cannot run now. The notice of the previous run is cleared when this one starts.
     */
    public boolean run(Preparation<? extends T> preparation) {
        if (!canRun.get()) {
            return false;
        }
        Callable<? extends T> work = preparation.prepare();
        busy.set(true);
        notice.set(null);
        tasks.run(work, result -> {
            busy.set(false);
            notice.set(successNotice.apply(result));
        }, failure -> {
            busy.set(false);
            Notice told = failureNotice.apply(failure);
            if (told.kind() == Notice.Kind.ERROR) {
                log().warn("{}", told.sentence(), failure);
            } else {
                log().info("{} ({})", told.sentence(), told.details().orElse(failure.toString()));
            }
            notice.set(told);
        });
        return true;
    }

    /** Forgets the last notice (e.g. the user moved on to another record). */
    public void clearNotice() {
        notice.set(null);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The condition holds and nothing is running. */
    public BooleanBinding canRunBinding() {
        return canRun;
    }

    /** How the last run ended (null while running, and before the first run). */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
