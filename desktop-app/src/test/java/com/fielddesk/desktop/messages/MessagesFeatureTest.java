package com.fielddesk.desktop.messages;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.testing.NoRefusedMessages;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.SectionUnderTest;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.messages.CustomerMessage;
import com.fielddesk.domain.messages.CustomerThreadSummary;
import com.fielddesk.domain.messages.InternalMessage;
import com.fielddesk.domain.messages.InternalThreadSummary;
import com.fielddesk.domain.messages.MessagesRepository;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.fielddesk.desktop.testing.CacheRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Messages section on a real SQLite cache: the customer inbox and its unread count, opening a
 * thread marks it read, a reply is queued and shows as pending in the customer's thread, and a note
 * in the internal inbox stays there — never in the customer's thread.
 */
class MessagesFeatureTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final UUID COMPANY = UUID.randomUUID();

    @TempDir
    Path folder;

    private CacheDatabase cache;
    private SectionUnderTest section;
    private final UUID dispatcher = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();

    @AfterEach
    void close() throws Exception {
        section.close();
        cache.close();
    }

    /** The cache with Casey (a CSR, the signed-in user) and the customer Zoë. */
    private void seedCaseyAndZoe() {
        seedCaseyAnd("Zoë Łódź");
    }

    /** The customer's thread "Boiler visit", last active 6 Dec 14:00 UTC; answers its id. */
    private UUID boilerVisit() {
        UUID thread = UUID.randomUUID();
        CacheRows.write(cache, "customer_threads", List.of(row("id", thread, "company_id", COMPANY, "customer_id", customer,
                "subject", "Boiler visit", "last_message_at", "2026-12-06T14:00:00Z")));
        return thread;
    }

    /** A cache with Casey, the signed-in CSR, and one customer of that name. */
    private void seedCaseyAnd(String customerName) {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        CacheRows.write(cache, "profiles", List.of(row("id", dispatcher, "company_id", COMPANY, "role", "csr",
                "full_name", "Casey CSR")));
        CacheRows.write(cache, "customers", List.of(row("id", customer, "company_id", COMPANY, "full_name", customerName)));
    }

    @Test
    void twoInboxesThatNeverMix() throws Exception {
        seedCaseyAndZoe();
        UUID job = UUID.randomUUID();
        UUID customerThread = UUID.randomUUID();
        UUID staffThread = UUID.randomUUID();
        CacheRows.write(cache, "work_orders", List.of(row("id", job, "company_id", COMPANY, "stage", "job", "number", 42,
                "title", "Boiler", "status", "scheduled", "customer_id", customer, "priority", "normal")));
        CacheRows.write(cache, "customer_threads", List.of(row("id", customerThread, "company_id", COMPANY, "work_order_id", job,
                "customer_id", customer, "subject", "Boiler visit", "last_message_at", "2026-12-05T10:00:00Z")));
        CacheRows.write(cache, "customer_messages", List.of(row("id", UUID.randomUUID(), "company_id", COMPANY,
                "customer_thread_id", customerThread, "sender_kind", "customer", "body", "Can you come at 10?",
                "created_at", "2026-12-05T10:00:00Z")));
        CacheRows.write(cache, "internal_threads", List.of(row("id", staffThread, "company_id", COMPANY, "work_order_id", job,
                "subject", "Parts for #42", "created_by", dispatcher, "last_message_at", "2026-12-05T09:00:00Z")));
        MessagesRepository messages = new MessagesRepository(new LocalCache(cache, new Outbox(), Clock.systemUTC()),
                new UserId(dispatcher), Clock.systemUTC());
        section = SectionUnderTest.show(MessagesFeature.feature(messages, new NoRefusedMessages()), cache, folder);

        Fx.waitUntil("the customer thread with its unread message", DEADLINE, () -> section.text("#messages-unread")
                .equals("1 unread customer message") && customerThreads().size() == 1);
        assertThat(section.text("#customer-audience")).isEqualTo("The customer will see this");
        // Until a thread is opened the pane says so; its list and compose box come with the first thread.
        assertThat(Fx.read(() -> section.lookup("#customer-reply") == null && section.lookup("#customer-messages") == null))
                .isTrue();

        Fx.run(() -> customerThreadList().getSelectionModel().selectFirst());
        Fx.waitUntil("opened and read", DEADLINE, () -> customerMessages().size() == 1
                && section.text("#messages-unread").equals("No unread customer messages"));
        Fx.run(() -> {
            ((TextArea) section.lookup("#customer-reply")).setText("10 works, see you then!");
            ((Button) section.lookup("#customer-send")).fire();
        });
        Fx.waitUntil("the reply is in the customer's thread, pending", DEADLINE, () -> customerMessages().size() == 2
                && customerMessages().get(1).pending() && customerMessages().get(1).body().equals("10 works, see you then!"));

        showTheInternalInbox();
        Fx.waitUntil("the Internal inbox loaded once shown", DEADLINE, () -> internalThreads().size() == 1);
        assertThat(section.text("#internal-audience")).isEqualTo("Staff only — customers never see this");
        Fx.run(() -> internalThreadList().getSelectionModel().selectFirst());
        Fx.run(() -> {
            ((TextArea) section.lookup("#internal-reply")).setText("Valve is back-ordered.");
            ((Button) section.lookup("#internal-send")).fire();
        });
        Fx.waitUntil("the note is in the internal thread", DEADLINE, () -> internalMessages().stream()
                .anyMatch(message -> message.body().equals("Valve is back-ordered.")));
        assertThat(customerMessages()).extracting(CustomerMessage::body).doesNotContain("Valve is back-ordered.");
    }


    private void showTheInternalInbox() {
        Fx.run(() -> ((javafx.scene.control.TabPane) section.lookup("#messages .tab-pane")).getSelectionModel().select(1));
    }

    @SuppressWarnings("unchecked")
    private ListView<CustomerThreadSummary> customerThreadList() {
        return (ListView<CustomerThreadSummary>) section.lookup("#customer-threads");
    }

    @SuppressWarnings("unchecked")
    private ListView<Object> internalThreadList() {
        return (ListView<Object>) section.lookup("#internal-threads");
    }

    private List<CustomerThreadSummary> customerThreads() {
        return Fx.read(() -> List.copyOf(customerThreadList().getItems()));
    }

    @SuppressWarnings("unchecked")
    private List<CustomerMessage> customerMessages() {
        return Fx.read(() -> List.copyOf(((ListView<CustomerMessage>) section.lookup("#customer-messages")).getItems()));
    }

    @SuppressWarnings("unchecked")
    private List<InternalMessage> internalMessages() {
        return Fx.read(() -> List.copyOf(((ListView<InternalMessage>) section.lookup("#internal-messages")).getItems()));
    }

    @Test
    void internalUnreadCountsClearOnOpenAndStayClearedAfterReopeningTheCache() throws Exception {
        UUID technician = UUID.randomUUID();
        UUID staffThread = UUID.randomUUID();
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        CacheRows.write(cache, "profiles", List.of(
                row("id", dispatcher, "company_id", COMPANY, "role", "csr", "full_name", "Casey CSR"),
                row("id", technician, "company_id", COMPANY, "role", "technician", "full_name", "Theo Tech")));
        CacheRows.write(cache, "internal_threads", List.of(row("id", staffThread, "company_id", COMPANY,
                "subject", "Van keys", "created_by", technician, "last_message_at", "2026-12-05T09:05:00Z")));
        CacheRows.write(cache, "internal_messages", List.of(
                row("id", UUID.randomUUID(), "company_id", COMPANY, "internal_thread_id", staffThread, "author_id", technician,
                        "body", "Who has the van keys?", "created_at", "2026-12-05T09:00:00Z"),
                row("id", UUID.randomUUID(), "company_id", COMPANY, "internal_thread_id", staffThread, "author_id", technician,
                        "body", "Found them.", "created_at", "2026-12-05T09:05:00Z")));
        section = showAsDispatcher();

        Fx.waitUntil("two unread internal notes, counted before the Internal inbox is shown", DEADLINE,
                () -> section.text("#messages-internal-unread").equals("2 unread internal notes"));
        assertThat(Fx.read(() -> section.lookup("#internal-threads"))).as("the Internal inbox is built and loaded when first shown")
                .isNull();
        showTheInternalInbox();
        Fx.waitUntil("the thread with two unread notes", DEADLINE, () -> internalThreads().size() == 1
                && internalThreads().get(0).unread() == 2);
        Fx.run(() -> internalThreadList().getSelectionModel().selectFirst());
        Fx.waitUntil("opened and read", DEADLINE, () -> internalMessages().size() == 2
                && section.text("#messages-internal-unread").equals("No unread internal notes")
                && internalThreads().get(0).unread() == 0);

        section.close();
        cache.close();
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        section = showAsDispatcher();
        showTheInternalInbox();
        Fx.waitUntil("still read after reopening the cache", DEADLINE, () -> internalThreads().size() == 1
                && section.text("#messages-internal-unread").equals("No unread internal notes")
                && internalThreads().get(0).unread() == 0);
    }

    /**
     * A thread shows each company day above its first message, and who wrote each message with
     * their role: a message the evening before (a later UTC day, the same day in New York) is under
     * the same day; the next morning begins another.
     */
    @Test
    void aThreadShowsTheDayAboveEachDaysFirstMessageAndTheSendersRole() throws Exception {
        seedCaseyAndZoe();
        UUID thread = boilerVisit();
        CacheRows.write(cache, "customer_messages", List.of(
                row("id", UUID.randomUUID(), "company_id", COMPANY, "customer_thread_id", thread, "sender_kind", "customer",
                        "body", "Can you come on Monday?", "created_at", "2026-12-05T15:00:00Z", "read_at", "2026-12-05T16:00:00Z"),
                row("id", UUID.randomUUID(), "company_id", COMPANY, "customer_thread_id", thread, "sender_kind", "staff",
                        "sender_id", dispatcher, "body", "Monday 8–10 is booked.", "created_at", "2026-12-06T01:30:00Z"),
                row("id", UUID.randomUUID(), "company_id", COMPANY, "customer_thread_id", thread, "sender_kind", "customer",
                        "body", "Thank you!", "created_at", "2026-12-06T14:00:00Z", "read_at", "2026-12-06T14:05:00Z")));
        MessagesRepository messages = new MessagesRepository(new LocalCache(cache, new Outbox(), Clock.systemUTC()),
                new UserId(dispatcher), Clock.systemUTC());
        section = SectionUnderTest.show(MessagesFeature.feature(messages, new NoRefusedMessages()), cache, folder);
        Fx.waitUntil("the thread listed", DEADLINE, () -> customerThreads().size() == 1);
        Fx.run(() -> customerThreadList().getSelectionModel().selectFirst());
        Fx.waitUntil("its three messages shown", DEADLINE, () -> shownMessages().size() == 3);

        List<javafx.scene.control.ListCell<?>> cells = shownMessages();
        assertThat(Fx.read(() -> cells.stream().map(javafx.scene.control.ListCell::getAccessibleText).toList())).containsExactly(
                "Saturday, 5 Dec 2026. Zoë Łódź (customer) · 5 Dec 10:00\nCan you come on Monday?",
                "Casey CSR (Customer service) · 5 Dec 20:30\nMonday 8–10 is booked.",
                "Sunday, 6 Dec 2026. Zoë Łódź (customer) · 6 Dec 09:00\nThank you!");
        List<String> headings = Fx.read(() -> section.lookup("#customer-messages").lookupAll("." + com.fielddesk.desktop.ui.Styles.MESSAGE_DAY)
                .stream().filter(javafx.scene.Node::isVisible).filter(heading -> heading.getParent().getParent() instanceof
                        javafx.scene.control.ListCell<?> cell && !cell.isEmpty() && cell.isVisible())
                .map(heading -> ((javafx.scene.text.Text) heading).getText()).sorted().toList());
        assertThat(headings).containsExactly("Saturday, 5 Dec 2026", "Sunday, 6 Dec 2026");
        // A day heading makes its message's row taller (its two lines and the heading fit), and the
        // next row starts where it ends.
        assertThat(Fx.read(() -> cells.get(2).getHeight() - cells.get(1).getHeight())).isGreaterThan(10);
        for (int i = 0; i < cells.size(); i++) {
            javafx.scene.control.ListCell<?> cell = cells.get(i);
            javafx.scene.Node shown = Fx.read(() -> (javafx.scene.Node) cell.getGraphic());
            assertThat(Fx.read(() -> shown.getBoundsInParent().getMaxY())).isLessThanOrEqualTo(Fx.read(cell::getHeight) + 1);
            if (i > 0) {
                javafx.scene.control.ListCell<?> above = cells.get(i - 1);
                assertThat(Fx.read(() -> cell.getLayoutY() - (above.getLayoutY() + above.getHeight()))).isBetween(-1.0, 1.0);
            }
        }
    }

    /**
     * A portal customer can type line breaks and tabs into a subject (and a name): the inbox row stays
     * two lines — subject line, then the excerpt — and a message's "who · when" line stays one line.
     */
    @Test
    void lineBreaksInASubjectOrANameDoNotBreakTheRows() throws Exception {
        seedCaseyAnd("Ada\nBrennan");
        UUID thread = UUID.randomUUID();
        CacheRows.write(cache, "customer_threads", List.of(row("id", thread, "company_id", COMPANY, "customer_id", customer,
                "subject", "Leak\r\nupstairs\t\u2028now", "last_message_at", "2026-12-06T14:00:00Z")));
        CacheRows.write(cache, "customer_messages", List.of(row("id", UUID.randomUUID(), "company_id", COMPANY,
                "customer_thread_id", thread, "sender_kind", "customer", "body", "Water through\nthe ceiling",
                "created_at", "2026-12-06T14:00:00Z", "read_at", "2026-12-06T14:05:00Z")));
        MessagesRepository messages = new MessagesRepository(new LocalCache(cache, new Outbox(), Clock.systemUTC()),
                new UserId(dispatcher), Clock.systemUTC());
        section = SectionUnderTest.show(MessagesFeature.feature(messages, new NoRefusedMessages()), cache, folder);
        Fx.waitUntil("the thread listed", DEADLINE, () -> customerThreads().size() == 1);

        String row = Fx.read(() -> section.lookup("#customer-threads").lookupAll("." + com.fielddesk.desktop.ui.Styles.TWO_LINE_ROW)
                .stream().map(node -> (javafx.scene.control.ListCell<?>) node).filter(cell -> !cell.isEmpty())
                .map(javafx.scene.control.ListCell::getText).findFirst().orElseThrow());
        assertThat(row).isEqualTo("Leak upstairs now — Ada Brennan · 6 Dec 09:00\nWater through the ceiling");

        Fx.run(() -> customerThreadList().getSelectionModel().selectFirst());
        Fx.waitUntil("its message shown", DEADLINE, () -> shownMessages().size() == 1);
        assertThat(Fx.read(() -> shownMessages().get(0).getAccessibleText()))
                .as("the name on the message's first line; the message's own line break kept")
                .isEqualTo("Sunday, 6 Dec 2026. Ada Brennan (customer) · 6 Dec 09:00\nWater through\nthe ceiling");
    }

    /**
     * A thread left open while the user works in another section: a customer's message arriving then
     * stays unread (so it is announced and counted), and is marked read when Messages is shown again.
     */
    @Test
    void aMessageArrivingInAnOpenThreadWhileElsewhereStaysUnreadUntilMessagesIsShownAgain() throws Exception {
        seedCaseyAndZoe();
        UUID thread = boilerVisit();
        CacheRows.write(cache, "customer_messages", List.of(row("id", UUID.randomUUID(), "company_id", COMPANY,
                "customer_thread_id", thread, "sender_kind", "customer", "body", "Can you come on Monday?",
                "created_at", "2026-12-06T14:00:00Z")));
        MessagesRepository messages = new MessagesRepository(new LocalCache(cache, new Outbox(), Clock.systemUTC()),
                new UserId(dispatcher), Clock.systemUTC());
        com.fielddesk.desktop.testing.RecordingSection jobs = new com.fielddesk.desktop.testing.RecordingSection("jobs");
        section = SectionUnderTest.show(MessagesFeature.feature(messages, new NoRefusedMessages()), List.of(jobs.feature()),
                cache, folder);
        Fx.waitUntil("the thread listed", DEADLINE, () -> customerThreads().size() == 1);
        Fx.run(() -> customerThreadList().getSelectionModel().selectFirst());
        Fx.waitUntil("opened on screen, so read", DEADLINE, () -> customerMessages().size() == 1
                && customerMessages().get(0).readAt().isPresent());
        // The thread's list, kept: the section's nodes are out of the window while Jobs is shown.
        @SuppressWarnings("unchecked")
        ListView<CustomerMessage> open = Fx.read(() -> (ListView<CustomerMessage>) section.lookup("#customer-messages"));
        java.util.function.Supplier<List<CustomerMessage>> shown = () -> Fx.read(() -> List.copyOf(open.getItems()));

        Fx.run(() -> {
            section.navigator().show("jobs");
            section.showCurrent();
        });
        UUID later = UUID.randomUUID();
        CacheRows.write(cache, "customer_messages", List.of(row("id", later, "company_id", COMPANY, "customer_thread_id", thread,
                "sender_kind", "customer", "body", "Or Tuesday?", "created_at", "2026-12-06T15:00:00Z")));
        Fx.waitUntil("the open thread has the new message", DEADLINE, () -> shown.get().size() == 2);
        assertThat(shown.get().get(1).readAt()).as("nobody has seen it").isEmpty();
        assertThat(messages.unreadTotal()).isEqualTo(1);

        Fx.run(() -> {
            section.navigator().show(MessagesFeature.ID);
            section.showCurrent();
        });
        Fx.waitUntil("shown again, it is read", DEADLINE, () -> shown.get().size() == 2 && shown.get().get(1).readAt().isPresent());
        assertThat(messages.unreadTotal()).isZero();
    }

    /** The thread's laid-out rows that show a message, in order. */
    private List<javafx.scene.control.ListCell<?>> shownMessages() {
        return Fx.read(() -> section.lookup("#customer-messages") == null ? List.<javafx.scene.control.ListCell<?>>of()
                : section.lookup("#customer-messages").lookupAll(".list-cell").stream()
                .<javafx.scene.control.ListCell<?>>map(node -> (javafx.scene.control.ListCell<?>) node)
                .filter(cell -> cell.isVisible() && !cell.isEmpty() && cell.getIndex() >= 0 && cell.getAccessibleText() != null)
                .sorted(java.util.Comparator.comparingInt(javafx.scene.control.ListCell::getIndex)).toList());
    }

    @Test
    void anInboxThatCannotBeReadSaysSo() throws Exception {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        MessagesRepository messages = new MessagesRepository(new LocalCache(cache, new Outbox(), Clock.systemUTC()),
                new UserId(dispatcher), Clock.systemUTC());
        cache.close();
        // The cache is closed: the inbox's read fails, and an empty list alone would claim there are no threads.
        section = SectionUnderTest.show(MessagesFeature.feature(messages, new NoRefusedMessages()), cache, folder);

        Fx.waitUntil("the section with the read's failure", DEADLINE, () -> section.lookup("#messages-search") != null
                && section.lookup("#customer-threads") != null && ((ListView<?>) section.lookup("#customer-threads")).getItems().isEmpty());
        Fx.waitUntil("the section says the inbox could not be read", DEADLINE, () -> section.lookup("#messages-notice") != null
                && ((javafx.scene.control.Label) section.lookup("#messages-notice")).getText().startsWith("Could not read the customer threads"));
    }

    @Test
    void anInboxSaysItHasNoThreadsOnlyOnceReadAndTheMineFilterExplainsItself() throws Exception {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        CacheRows.write(cache, "customers", List.of(row("id", customer, "company_id", COMPANY, "full_name", "Zoë Łódź")));
        CacheRows.write(cache, "customer_threads", List.of(row("id", UUID.randomUUID(), "company_id", COMPANY,
                "customer_id", customer, "subject", "Boiler visit", "last_message_at", "2026-12-05T10:00:00Z")));
        section = showAsDispatcher();

        Fx.waitUntil("the thread listed", DEADLINE, () -> customerThreads().size() == 1);
        // An inbox with threads has no "No threads." label waiting behind them; one that has none says so.
        assertThat(Fx.read(() -> customerThreadList().getPlaceholder() instanceof javafx.scene.control.Label)).isFalse();
        Fx.run(() -> ((javafx.scene.control.TextField) section.lookup("#messages-search")).setText("no such subject"));
        Fx.waitUntil("no thread found, and the list says so", DEADLINE, () -> customerThreads().isEmpty()
                && Fx.read(() -> customerThreadList().getPlaceholder() instanceof javafx.scene.control.Label label
                && label.getText().equals("No threads.") && label.getScene() != null));
        Fx.run(() -> ((javafx.scene.control.TextField) section.lookup("#messages-search")).setText(""));
        Fx.waitUntil("the thread listed again", DEADLINE, () -> customerThreads().size() == 1);

        // "Mine" explains itself to a screen reader from the start, and in a tooltip once the pointer comes over it.
        javafx.scene.control.CheckBox mine = (javafx.scene.control.CheckBox) section.lookup("#messages-mine-only");
        assertThat(Fx.read(() -> mine.queryAccessibleAttribute(javafx.scene.AccessibleAttribute.HELP)))
                .isEqualTo("Threads you wrote in (internal: or started)");
        Fx.run(() -> javafx.event.Event.fireEvent(mine, new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_ENTERED,
                1, 1, 1, 1, javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false,
                false, null)));
        assertThat(Fx.read(() -> mine.getTooltip() == null ? null : mine.getTooltip().getText()))
                .isEqualTo("Threads you wrote in (internal: or started)");
    }

    /**
     * The Job field (Alt+J) filters both inboxes to one job's threads by the number the office
     * knows it by; text that is not a job number changes nothing and says so.
     */
    @Test
    void theJobFieldShowsOneJobsThreadsInBothInboxes() throws Exception {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        CacheRows.write(cache, "customers", List.of(row("id", customer, "company_id", COMPANY, "full_name", "Zoë Łódź")));
        UUID boiler = UUID.randomUUID();
        UUID gutters = UUID.randomUUID();
        CacheRows.write(cache, "work_orders", List.of(
                row("id", boiler, "company_id", COMPANY, "stage", "job", "number", 42, "title", "Boiler", "status", "scheduled",
                        "customer_id", customer, "priority", "normal"),
                row("id", gutters, "company_id", COMPANY, "stage", "job", "number", 43, "title", "Gutters", "status", "unscheduled",
                        "customer_id", customer, "priority", "normal")));
        CacheRows.write(cache, "customer_threads", List.of(
                row("id", UUID.randomUUID(), "company_id", COMPANY, "work_order_id", boiler, "customer_id", customer,
                        "subject", "Boiler visit", "last_message_at", "2026-12-05T10:00:00Z"),
                row("id", UUID.randomUUID(), "company_id", COMPANY, "work_order_id", gutters, "customer_id", customer,
                        "subject", "Gutter cleaning", "last_message_at", "2026-12-05T11:00:00Z"),
                row("id", UUID.randomUUID(), "company_id", COMPANY, "customer_id", customer,
                        "subject", "A general question", "last_message_at", "2026-12-05T12:00:00Z")));
        CacheRows.write(cache, "internal_threads", List.of(
                row("id", UUID.randomUUID(), "company_id", COMPANY, "work_order_id", boiler, "subject", "Parts for the boiler",
                        "created_by", dispatcher, "last_message_at", "2026-12-05T09:00:00Z"),
                row("id", UUID.randomUUID(), "company_id", COMPANY, "work_order_id", gutters, "subject", "Ladder for the gutters",
                        "created_by", dispatcher, "last_message_at", "2026-12-05T09:30:00Z")));
        section = showAsDispatcher();
        Fx.waitUntil("every thread listed", DEADLINE, () -> customerThreads().size() == 3);

        Fx.run(() -> section.lookup("#messages-search").requestFocus());
        org.testfx.api.FxRobot robot = new org.testfx.api.FxRobot();
        robot.press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.J).release(javafx.scene.input.KeyCode.J,
                javafx.scene.input.KeyCode.ALT);
        Fx.waitUntil("Alt+J is in the Job field", DEADLINE, () -> Fx.read(() -> section.lookup("#messages-job").isFocused()));
        robot.write("42");
        Fx.waitUntil("job 42's customer thread only", DEADLINE, () -> subjects().equals(List.of("Boiler visit")));

        Fx.run(() -> ((javafx.scene.control.TextField) section.lookup("#messages-job")).setText("#43"));
        Fx.waitUntil("job 43's", DEADLINE, () -> subjects().equals(List.of("Gutter cleaning")));
        Fx.run(() -> ((javafx.scene.control.TextField) section.lookup("#messages-job")).setText("43a"));
        Fx.waitUntil("a typo is said", DEADLINE, () -> section.text("#messages-notice").equals(MessagesViewModel.NOT_A_JOB_NUMBER));
        assertThat(subjects()).as("the list stays as it was").containsExactly("Gutter cleaning");
        Fx.run(() -> ((javafx.scene.control.TextField) section.lookup("#messages-job")).setText("Job 42"));
        Fx.waitUntil("job 42's again, the typo's sentence gone", DEADLINE, () -> subjects().equals(List.of("Boiler visit"))
                && section.text("#messages-notice").isEmpty());

        showTheInternalInbox();
        Fx.waitUntil("the Internal inbox filtered by the same job", DEADLINE, () -> internalThreads().stream()
                .map(InternalThreadSummary::subject).toList().equals(List.of("Parts for the boiler")));
        Fx.run(() -> ((javafx.scene.control.TextField) section.lookup("#messages-job")).setText(""));
        Fx.waitUntil("every internal thread again", DEADLINE, () -> internalThreads().size() == 2);
        Fx.waitUntil("and every customer thread", DEADLINE, () -> customerThreads().size() == 3);
    }

    private List<String> subjects() {
        return customerThreads().stream().map(CustomerThreadSummary::subject).toList();
    }

    private SectionUnderTest showAsDispatcher() throws Exception {
        MessagesRepository messages = new MessagesRepository(new LocalCache(cache, new Outbox(), Clock.systemUTC()),
                new UserId(dispatcher), Clock.systemUTC());
        return SectionUnderTest.show(MessagesFeature.feature(messages, new NoRefusedMessages()), cache, folder);
    }

    private List<InternalThreadSummary> internalThreads() {
        return Fx.read(() -> internalThreadList().getItems().stream().map(InternalThreadSummary.class::cast).toList());
    }

}
