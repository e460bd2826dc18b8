package com.fielddesk.domain.messages;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.InvalidInputException;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.common.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.fielddesk.cache.query.CacheTables.CUSTOMER_MESSAGES;
import static com.fielddesk.cache.query.CacheTables.CUSTOMER_THREADS;
import static com.fielddesk.cache.query.CacheTables.INTERNAL_MESSAGES;
import static com.fielddesk.cache.query.CacheTables.INTERNAL_THREADS;
import static com.fielddesk.cache.query.CacheTables.INTERNAL_THREAD_READS;
import static com.fielddesk.domain.testing.PulledRows.pulled;
import static com.fielddesk.domain.testing.PulledRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two inboxes against a real SQLite cache: unread counts, order, the thread views, writes — and never mixed. */
class MessagesRepositoryTest {

    private static final UUID COMPANY = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @TempDir
    Path folder;
    private CacheDatabase database;
    private LocalCache cache;
    private MessagesRepository messages;
    private final UUID csr = UUID.randomUUID();
    private final UUID dispatcher = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();
    private final UUID job = UUID.randomUUID();
    private final UUID boilerThread = UUID.randomUUID();
    private final UUID quietThread = UUID.randomUUID();
    private final UUID staffThread = UUID.randomUUID();

    @BeforeEach
    void open() {
        database = CacheDatabase.open(folder.resolve("cache.db"));
        cache = new LocalCache(database, new Outbox(), Clock.systemUTC());
        pulled(database, "profiles", row("id", csr, "company_id", COMPANY, "role", "csr", "full_name", "Casey CSR", "version", 1),
                row("id", dispatcher, "company_id", COMPANY, "role", "dispatcher", "full_name", "Dana Dispatcher", "version", 1));
        pulled(database, "customers", row("id", customer, "company_id", COMPANY, "full_name", "Zoë Łódź", "version", 1));
        pulled(database, "work_orders", row("id", job, "company_id", COMPANY, "stage", "job", "number", 42, "title", "Boiler",
                "status", "scheduled", "customer_id", customer, "priority", "normal", "version", 1));
        pulled(database, "customer_threads",
                row("id", boilerThread, "company_id", COMPANY, "work_order_id", job, "customer_id", customer,
                        "subject", "Boiler visit", "last_message_at", NOW.minusSeconds(60), "version", 1),
                row("id", quietThread, "company_id", COMPANY, "work_order_id", job, "customer_id", customer,
                        "subject", "Old question", "last_message_at", NOW.minusSeconds(86_400), "version", 1));
        pulled(database, "customer_messages",
                message(boilerThread, "staff", csr, "We'll be there at 9.", NOW.minusSeconds(3_600), NOW.minusSeconds(3_000)),
                message(boilerThread, "customer", null, "Can you come at 10 instead?", NOW.minusSeconds(120), null),
                message(boilerThread, "customer", null, "The side door is open.", NOW.minusSeconds(60), null),
                message(quietThread, "customer", null, "Thanks!", NOW.minusSeconds(86_400), NOW.minusSeconds(80_000)));
        pulled(database, "internal_threads", row("id", staffThread, "company_id", COMPANY, "work_order_id", job,
                "subject", "Parts for #42", "created_by", dispatcher, "last_message_at", NOW.minusSeconds(30), "version", 1));
        pulled(database, "internal_messages", row("id", UUID.randomUUID(), "company_id", COMPANY, "internal_thread_id", staffThread,
                "author_id", dispatcher, "body", "Valve is back-ordered; do not promise 10.", "created_at", NOW.minusSeconds(30),
                "version", 1));
        messages = new MessagesRepository(cache, new UserId(csr), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private com.fasterxml.jackson.databind.node.ObjectNode message(UUID thread, String sender, UUID senderId, String body,
                                                                   Instant at, Instant readAt) {
        var row = row("id", UUID.randomUUID(), "company_id", COMPANY, "customer_thread_id", thread, "sender_kind", sender,
                "body", body, "created_at", at, "version", 1);
        if (senderId != null) {
            row.put("sender_id", senderId.toString());
        }
        if (readAt != null) {
            row.put("read_at", readAt.toString());
        }
        return row;
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theCustomersInboxCountsUnreadSortsByLastActivityAndFilters() {
        assertThat(messages.customerThreads(ThreadFilter.all(), 50)).extracting(CustomerThreadSummary::subject)
                .containsExactly("Boiler visit", "Old question");
        CustomerThreadSummary boiler = messages.customerThreads(ThreadFilter.all(), 50).get(0);
        assertThat(boiler.unread()).isEqualTo(2);
        assertThat(boiler.customerName()).isEqualTo("Zoë Łódź");
        assertThat(boiler.jobNumber()).contains(42L);
        assertThat(boiler.lastMessage()).contains("The side door is open.");
        assertThat(messages.unreadTotal()).isEqualTo(2);
        assertThat(messages.customerThreads(ThreadFilter.all().unread(), 50)).extracting(CustomerThreadSummary::subject)
                .containsExactly("Boiler visit");
        assertThat(messages.customerThreads(ThreadFilter.all().withText("łódź"), 50)).hasSize(2);
        assertThat(messages.customerThreads(ThreadFilter.all().withText("old"), 50)).extracting(CustomerThreadSummary::subject)
                .containsExactly("Old question");
        assertThat(messages.customerThreads(ThreadFilter.all().aboutWorkOrder(UUID.randomUUID()), 50)).isEmpty();
    }

    @Test
    void anInboxFiltersByTheJobNumberTheOfficeKnows() {
        UUID gutters = UUID.randomUUID();
        pulled(database, "work_orders", row("id", gutters, "company_id", COMPANY, "stage", "quote", "number", 43, "title", "Gutters",
                "status", "draft", "customer_id", customer, "priority", "normal", "version", 1));
        pulled(database, "customer_threads", row("id", UUID.randomUUID(), "company_id", COMPANY, "work_order_id", gutters,
                "customer_id", customer, "subject", "Gutter quote", "last_message_at", NOW.minusSeconds(10), "version", 1));

        assertThat(messages.customerThreads(ThreadFilter.all().aboutJobNumber(42), 50)).extracting(CustomerThreadSummary::subject)
                .containsExactly("Boiler visit", "Old question");
        assertThat(messages.customerThreads(ThreadFilter.all().aboutJobNumber(42).withText("old"), 50))
                .extracting(CustomerThreadSummary::subject).containsExactly("Old question");
        assertThat(messages.customerThreads(ThreadFilter.all().aboutJobNumber(43), 50)).extracting(CustomerThreadSummary::subject)
                .containsExactly("Gutter quote");
        assertThat(messages.customerThreads(ThreadFilter.all().aboutJobNumber(44), 50)).isEmpty();
        assertThat(messages.internalThreads(ThreadFilter.all().aboutJobNumber(42), 50)).extracting(InternalThreadSummary::subject)
                .containsExactly("Parts for #42");
        assertThat(messages.internalThreads(ThreadFilter.all().aboutJobNumber(7), 50)).isEmpty();
    }

    @Test
    void openingAThreadMarksTheCustomersMessagesReadAndAReplyIsPendingLast() {
        CustomerThreadId thread = new CustomerThreadId(boilerThread);
        messages.markRead(thread);
        assertThat(messages.unreadTotal()).isZero();
        assertThat(messages.customerMessages(thread)).filteredOn(CustomerMessage::fromCustomer)
                .allSatisfy(message -> assertThat(message.readAt()).isPresent())
                .as("only the read mark is queued: a customer's message is never waiting to be sent from here")
                .noneMatch(CustomerMessage::pending);

        messages.replyToCustomer(thread, "  10 works. See you then!  ");
        assertThat(messages.customerMessages(thread)).extracting(CustomerMessage::body).containsExactly("We'll be there at 9.",
                "Can you come at 10 instead?", "The side door is open.", "10 works. See you then!");
        CustomerMessage reply = messages.customerMessages(thread).get(3);
        assertThat(reply.pending()).isTrue();
        assertThat(reply.fromCustomer()).isFalse();
        assertThat(reply.senderName()).isEqualTo("Casey CSR");
        assertThat(messages.customerMessages(thread).get(1).senderName()).isEqualTo("Zoë Łódź");
        assertThat(messages.customerThreads(ThreadFilter.all(), 50).get(0).lastMessage())
                .as("the inbox line shows the reply waiting here as the last message").contains("10 works. See you then!");
    }

    @Test
    void internalNotesStayInTheInternalInboxAndNeverShowInACustomerThread() {
        InternalThreadId staff = new InternalThreadId(staffThread);
        messages.postInternal(staff, "Told the customer 11 instead.");
        assertThat(messages.internalThreads(ThreadFilter.all(), 50)).singleElement().satisfies(thread -> {
            assertThat(thread.subject()).isEqualTo("Parts for #42");
            assertThat(thread.startedBy()).contains("Dana Dispatcher");
            assertThat(thread.jobNumber()).contains(42L);
        });
        assertThat(messages.internalMessages(staff)).extracting(InternalMessage::authorRole)
                .containsExactly(Optional.of(Role.DISPATCHER), Optional.of(Role.CSR));

        for (CustomerThreadSummary thread : messages.customerThreads(ThreadFilter.all(), 50)) {
            assertThat(messages.customerMessages(thread.id())).extracting(CustomerMessage::body)
                    .noneMatch(body -> body.contains("back-ordered") || body.contains("11 instead"));
        }
        assertThat(cache.pendingIds(CUSTOMER_MESSAGES)).as("nothing queued for customers").isEmpty();
        assertThat(cache.pendingIds(INTERNAL_MESSAGES)).hasSize(1);
    }

    @Test
    void aNewThreadAndItsFirstMessageAreOneTransactionAndBlankTextQueuesNothing() {
        assertThatThrownBy(() -> messages.startCustomerThread(job, new CustomerId(customer), " ", "x".repeat(4_001)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(error -> error.field())
                        .containsExactly("subject", "body"));
        assertThatThrownBy(() -> messages.replyToCustomer(new CustomerThreadId(boilerThread), "   "))
                .isInstanceOf(InvalidInputException.class);
        assertThat(cache.pendingIds(CUSTOMER_THREADS)).isEmpty();
        assertThat(cache.pendingIds(CUSTOMER_MESSAGES)).isEmpty();

        CustomerThreadId started = messages.startCustomerThread(job, new CustomerId(customer), "Invoice question", "Your invoice is attached.");
        assertThat(cache.pendingIds(CUSTOMER_THREADS)).containsExactly(started.value());
        assertThat(messages.customerMessages(started)).singleElement().satisfies(message -> assertThat(message.pending()).isTrue());
        assertThat(messages.customerThreads(ThreadFilter.all(), 50).get(0).subject())
                .as("a thread started here (no activity time yet) is on top").isEqualTo("Invoice question");
        assertThat(messages.customerThreads(ThreadFilter.all(), 1)).singleElement()
                .satisfies(line -> assertThat(line.lastMessage()).contains("Your invoice is attached."));
        assertThat(messages.customerThreads(ThreadFilter.all(), 2)).extracting(CustomerThreadSummary::subject)
                .containsExactly("Invoice question", "Boiler visit");

        InternalThreadId note = messages.startInternalThread(Optional.empty(), "Holiday rota", "Who covers the 24th?");
        assertThat(cache.pendingIds(INTERNAL_THREADS)).containsExactly(note.value());
        assertThat(messages.internalMessages(note)).extracting(InternalMessage::body).containsExactly("Who covers the 24th?");
    }

    @Test
    void anInternalThreadIsUnreadForEachUserUntilTheyOpenItAndTheirOwnNotesNeverCount() {
        InternalThreadId thread = new InternalThreadId(staffThread);
        assertThat(messages.internalThreads(ThreadFilter.all(), 50)).singleElement()
                .satisfies(line -> assertThat(line.unread()).isEqualTo(1));
        assertThat(messages.internalUnreadTotal()).isEqualTo(1);
        assertThat(new MessagesRepository(cache, new UserId(dispatcher), Clock.systemUTC()).internalUnreadTotal())
                .as("the dispatcher wrote it").isZero();

        messages.markRead(thread);
        assertThat(messages.internalUnreadTotal()).isZero();
        assertThat(messages.internalThreads(ThreadFilter.all().unread(), 50)).isEmpty();
        assertThat(cache.pendingIds(INTERNAL_THREAD_READS)).as("the marker is queued for the server").hasSize(1);
        messages.markRead(thread);
        assertThat(cache.pendingIds(INTERNAL_THREAD_READS)).as("one marker per user and thread").hasSize(1);

        messages.postInternal(thread, "Noted, I'll tell the customer 11.");
        assertThat(messages.internalUnreadTotal()).as("my own note").isZero();
        pulled(database, "internal_messages", row("id", UUID.randomUUID(), "company_id", COMPANY, "internal_thread_id", staffThread,
                "author_id", dispatcher, "body", "Valve arrived.", "created_at", NOW.plusSeconds(60), "version", 1));
        assertThat(messages.internalThreads(ThreadFilter.all(), 50)).singleElement()
                .satisfies(line -> assertThat(line.unread()).as("a newer note by someone else").isEqualTo(1));
        messages.markRead(thread);
        assertThat(messages.internalUnreadTotal()).isZero();
    }

    @Test
    void arrivalsAreUnreadCustomerMessagesAndColleaguesNotesAfterAnInstantNewestFirst() {
        List<MessageArrival> arrivals = messages.arrivalsSince(NOW.minusSeconds(150), 10);
        assertThat(arrivals).extracting(MessageArrival::excerpt).containsExactly(
                "Valve is back-ordered; do not promise 10.", "The side door is open.", "Can you come at 10 instead?");
        assertThat(arrivals.get(0)).isEqualTo(new MessageArrival(staffThread, true, "Dana Dispatcher", "Parts for #42",
                "Valve is back-ordered; do not promise 10.", NOW.minusSeconds(30)));
        assertThat(arrivals.get(1).from()).isEqualTo("Zoë Łódź");
        assertThat(arrivals.get(1).internal()).isFalse();
        assertThat(messages.arrivalsSince(NOW.minusSeconds(90), 1)).extracting(MessageArrival::excerpt)
                .containsExactly("Valve is back-ordered; do not promise 10.");

        // The user's own note, and a customer's message once read, are not news.
        messages.postInternal(new InternalThreadId(staffThread), "On it.");
        messages.markRead(new CustomerThreadId(boilerThread));
        assertThat(messages.arrivalsSince(NOW.minusSeconds(150), 10)).extracting(MessageArrival::excerpt)
                .containsExactly("Valve is back-ordered; do not promise 10.");
    }

    @Test
    void mineIsTheThreadsTheUserWroteIn() {
        assertThat(messages.customerThreads(ThreadFilter.all().mine(), 50)).extracting(CustomerThreadSummary::subject)
                .containsExactly("Boiler visit");
        assertThat(messages.internalThreads(ThreadFilter.all().mine(), 50)).as("started by a colleague, not written in").isEmpty();
        messages.postInternal(new InternalThreadId(staffThread), "On it.");
        assertThat(messages.internalThreads(ThreadFilter.all().mine(), 50)).extracting(InternalThreadSummary::subject)
                .containsExactly("Parts for #42");
    }
}
