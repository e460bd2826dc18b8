package com.fielddesk.desktop.messages;

import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.ServerRefusal;
import com.fielddesk.domain.messages.MessageRefusal;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The open thread's first message the server refused, under its messages: "Not sent: <why>", with
 * Resend (the same change once more) and Discard (gone from this computer and the queue). One
 * action at a time; the thread's next reload shows what the action did (sent, pending, gone).
 */
final class NotSent {

    /** A refused message of the open thread: its text and the refusal. */
    record Refused(String body, MessageRefusal refusal) {
    }

    private final RefusedMessages actions;
    private final BackgroundTasks tasks;
    private final Consumer<String> notice;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private Optional<Refused> current = Optional.empty();

    NotSent(RefusedMessages actions, BackgroundTasks tasks, Consumer<String> notice) {
        this.actions = actions;
        this.tasks = tasks;
        this.notice = notice;
    }

    /** "Not sent: This refers to a record that no longer exists." — the sentence a refused message shows. */
    static String sentence(MessageRefusal refusal) {
        return "Not sent: " + ServerRefusal.of(refusal.code().orElse(null), refusal.serverText().orElse(null),
                refusal.details().orElse(null)).sentence();
    }

    /** The open thread's refused messages, oldest first (none: the bar hides). */
    void show(List<Refused> refused) {
        current = refused.stream().findFirst();
        shown.set(current.isPresent());
        text.set(current.map(first -> sentence(first.refusal()) + " — “" + excerpt(first.body()) + "”"
                + (refused.size() > 1 ? " (and " + (refused.size() - 1) + " more)" : "")).orElse(""));
    }

    void resend() {
        current.ifPresent(refused -> act(() -> {
            actions.resend(refused.refusal().change());
            return null;
        }, "Could not queue the message again."));
    }

    void discard() {
        current.ifPresent(refused -> act(() -> {
            actions.discard(refused.refusal().change());
            return null;
        }, "Could not discard the message."));
    }

    private void act(Callable<Void> action, String whatFailed) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        notice.accept("");
        tasks.run(action, done -> busy.set(false), failure -> {
            busy.set(false);
            notice.accept(Failures.sentence(whatFailed, failure));
        });
    }

    private static String excerpt(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.codePointCount(0, line.length()) <= 60 ? line : line.substring(0, line.offsetByCodePoints(0, 59)) + "…";
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** An action is under way (the buttons wait). */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
