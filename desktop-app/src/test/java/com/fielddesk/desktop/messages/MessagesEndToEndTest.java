package com.fielddesk.desktop.messages;

import com.fielddesk.desktop.app.LiveUpdateTimings;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.testing.ConsoleBackend;
import com.fielddesk.desktop.testing.ConsoleUnderTest;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.HangingRelay;
import com.fielddesk.domain.messages.CustomerMessage;
import com.fielddesk.domain.messages.CustomerThreadSummary;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages in the real console against a running local-backend reached through a relay that can
 * cut the network: a customer's unread message clears when the thread is opened; a reply written
 * while offline shows as pending, reaches the server exactly once when the network is back and
 * then shows as sent; and a console opened afresh (another start, a new copy from the server)
 * still has the thread read.
 */
class MessagesEndToEndTest {

    private static final Duration UI_DEADLINE = Duration.ofSeconds(30);
    private static final Duration SYNC_DEADLINE = Duration.ofSeconds(90);
    private static final LiveUpdateTimings TIMINGS = new LiveUpdateTimings(Duration.ofSeconds(2), Duration.ofSeconds(1));
    private static final String REPLY = "Written on the train: 10 works, see you then!";

    @Test
    void aReplyWrittenOfflineIsPendingThenSentExactlyOnceAndReadStaysReadAfterARestart() throws Exception {
        ConsoleBackend backend = new ConsoleBackend();
        UUID job = backend.tenants().job(backend.acme);
        UUID customer = (UUID) backend.queryValue("select customer_id from public.work_orders where id = ?", job);
        UUID thread = (UUID) backend.queryValue("insert into public.customer_threads (company_id, work_order_id, customer_id, subject)"
                + " values (?, ?, ?, 'Boiler visit') returning id", backend.acme.id(), job, customer);
        backend.queryValue("insert into public.customer_messages (company_id, customer_thread_id, sender_kind, body)"
                + " values (?, ?, 'customer', 'Can you come at 10?') returning id", backend.acme.id(), thread);
        try (HangingRelay relay = new HangingRelay(backend.url());
             ConsoleUnderTest console = ConsoleUnderTest.open(backend, backend.asLocalDemoAt(relay.url()), TIMINGS, false)) {
            console.signInWithTheDemoLogin();
            openMessages(console);
            Fx.waitUntil("the customer's message is unread", UI_DEADLINE, () -> text(console, "#messages-unread")
                    .equals("1 unread customer message") && threads(console).size() == 1);

            Fx.run(() -> threadList(console).getSelectionModel().selectFirst());
            Fx.waitUntil("opened: read", UI_DEADLINE, () -> messages(console).size() == 1
                    && text(console, "#messages-unread").equals("No unread customer messages"));
            Fx.waitUntil("read on the server too", SYNC_DEADLINE, () -> count(backend,
                    "select count(*) from public.customer_messages where customer_thread_id = ? and read_at is null", thread) == 0);

            relay.refuse();
            Fx.waitUntil("the status bar says offline", SYNC_DEADLINE, () -> text(console, "#" + ShellView.CONNECTION_ID)
                    .startsWith("Offline"));
            Fx.run(() -> {
                ((TextArea) console.find("#customer-reply").orElseThrow()).setText(REPLY);
                ((Button) console.find("#customer-send").orElseThrow()).fire();
            });
            Fx.waitUntil("the reply is in the thread, pending", UI_DEADLINE, () -> reply(console)
                    .map(message -> message.pending() && message.sentAt().isEmpty() && message.refusal().isEmpty()).orElse(false));
            assertThat(count(backend, "select count(*) from public.customer_messages where body = ?", REPLY)).isZero();

            relay.pass();
            Fx.waitUntil("the server has the reply", SYNC_DEADLINE, () -> count(backend,
                    "select count(*) from public.customer_messages where body = ?", REPLY) == 1);
            Fx.waitUntil("the thread shows it sent", SYNC_DEADLINE, () -> reply(console)
                    .map(message -> !message.pending() && message.sentAt().isPresent()).orElse(false));
            Fx.waitUntil("the status bar says online again", SYNC_DEADLINE, () -> text(console, "#" + ShellView.CONNECTION_ID)
                    .startsWith("Online"));
            assertThat(count(backend, "select count(*) from public.customer_messages where body = ?", REPLY))
                    .as("exactly once, though the console retried while offline").isEqualTo(1);

            // Another start of the console (a fresh copy from the server): the thread stays read.
            try (ConsoleUnderTest again = ConsoleUnderTest.openAnother(backend, backend.acmeDispatcher, TIMINGS)) {
                again.signInWithTheDemoLogin();
                openMessages(again);
                Fx.waitUntil("the thread, read, with the reply", UI_DEADLINE, () -> threads(again).size() == 1
                        && threads(again).get(0).unread() == 0 && text(again, "#messages-unread").equals("No unread customer messages"));
            }
        }
    }

    private static void openMessages(ConsoleUnderTest console) {
        String nav = "#" + ShellView.NAV_PREFIX + MessagesFeature.ID;
        Fx.waitUntil("Messages is in the navigation", UI_DEADLINE, () -> console.find(nav).isPresent());
        Fx.run(() -> ((ToggleButton) console.find(nav).orElseThrow()).fire());
        Fx.waitUntil("the Messages section", UI_DEADLINE, () -> console.find("#customer-threads").isPresent());
    }

    private static long count(ConsoleBackend backend, String sql, Object parameter) {
        return ((Number) backend.queryValue(sql, parameter)).longValue();
    }

    private static Optional<CustomerMessage> reply(ConsoleUnderTest console) {
        return messages(console).stream().filter(message -> message.body().equals(REPLY)).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static ListView<CustomerThreadSummary> threadList(ConsoleUnderTest console) {
        return (ListView<CustomerThreadSummary>) console.find("#customer-threads").orElseThrow();
    }

    private static List<CustomerThreadSummary> threads(ConsoleUnderTest console) {
        return Fx.read(() -> List.copyOf(threadList(console).getItems()));
    }

    @SuppressWarnings("unchecked")
    private static List<CustomerMessage> messages(ConsoleUnderTest console) {
        return Fx.read(() -> console.find("#customer-messages").map(list -> List.copyOf(((ListView<CustomerMessage>) list).getItems()))
                .orElse(List.of()));
    }

    private static String text(ConsoleUnderTest console, String selector) {
        return Fx.read(() -> console.find(selector).map(Node.class::cast).map(node -> node instanceof Label label ? label.getText() : "")
                .orElse(""));
    }
}
