package com.fielddesk.desktop.messages;

import com.fielddesk.cache.query.Table;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.LiveList;
import com.fielddesk.domain.common.InvalidInputException;
import com.fielddesk.domain.messages.CustomerMessage;
import com.fielddesk.domain.messages.CustomerThreadId;
import com.fielddesk.domain.messages.CustomerThreadSummary;
import com.fielddesk.domain.messages.InternalMessage;
import com.fielddesk.domain.messages.InternalThreadId;
import com.fielddesk.domain.messages.InternalThreadSummary;
import com.fielddesk.domain.messages.MessagesRepository;
import com.fielddesk.domain.messages.ThreadFilter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Messages: the Customers inbox and the Internal inbox — separate lists, separate thread views and
 * separate compose boxes, so a note to staff cannot be sent to a customer — with unread counts, and
 * a reply written offline kept and shown as pending until sent.
 */
final class MessagesViewModel implements AutoCloseable {

    static final int SHOWN = 200;

    /** Said while the Job field holds text that is not a job number. */
    static final String NOT_A_JOB_NUMBER = "A job number is digits, like 42 — the list is not filtered by job.";

    private final MessagesRepository repository;
    private final BackgroundTasks tasks;
    private final BooleanProperty unreadOnly = new SimpleBooleanProperty();
    private final BooleanProperty mineOnly = new SimpleBooleanProperty();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty jobNumber = new SimpleStringProperty("");
    /** The job number the inboxes are filtered by: the last one typed that was one (blank: any). */
    private java.util.OptionalLong jobFilter = java.util.OptionalLong.empty();
    private final StringProperty customerReply = new SimpleStringProperty("");
    private final StringProperty internalReply = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unreadText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper internalUnreadText = new ReadOnlyStringWrapper("");
    private final LiveList<CustomerThreadSummary> customerThreads;
    private final LiveList<InternalThreadSummary> internalThreads;
    private final LiveList<CustomerMessage> customerMessages;
    private final LiveList<InternalMessage> internalMessages;
    private final javafx.beans.property.ReadOnlyBooleanWrapper customerThreadOpen = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper internalThreadOpen = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper internalShown = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper customerInboxRead = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper internalInboxRead = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final NotSent customerNotSent;
    private final NotSent internalNotSent;
    private final ChangeSource changes;
    private final String[] internalTables;
    private AutoCloseable queueChanges = () -> { };
    private AutoCloseable internalCounts = () -> { };
    /** The Internal inbox loads when it is first shown: opening Messages reads the Customers inbox only. */
    private boolean internalStarted;
    private Optional<CustomerThreadId> openCustomerThread = Optional.empty();
    private Optional<InternalThreadId> openInternalThread = Optional.empty();
    /**
     * Whether the section is on screen. An open thread stays open while the user is elsewhere, and
     * its messages reload as they arrive: only while someone can see them are they marked read (a
     * customer's message arriving then is announced and counted as unread instead). Read off the FX
     * thread by the thread's reload.
     */
    private volatile boolean onScreen;

    MessagesViewModel(MessagesRepository repository, RefusedMessages refused, BackgroundTasks tasks, ChangeSource changes) {
        this.repository = repository;
        this.tasks = tasks;
        this.changes = changes;
        String[] customerTables = names(MessagesRepository.CUSTOMER_READS);
        internalTables = names(MessagesRepository.INTERNAL_READS);
        customerThreads = LiveList.<CustomerThreadSummary>of(tasks, CustomerThreadSummary::id).describedAs("the customer threads")
                .query(customerQuery()).reloadOnChangesTo(changes, customerTables).reloadAtMostEvery(LiveList.SCREEN_RELOAD_GAP)
                .build();
        internalThreads = LiveList.<InternalThreadSummary>of(tasks, InternalThreadSummary::id).describedAs("the internal threads")
                .query(internalQuery()).reloadOnChangesTo(changes, internalTables).reloadAtMostEvery(LiveList.SCREEN_RELOAD_GAP)
                .build();
        customerMessages = LiveList.<CustomerMessage>of(tasks, CustomerMessage::id).describedAs("the thread").query(List::of)
                .reloadOnChangesTo(changes, customerTables).build();
        internalMessages = LiveList.<InternalMessage>of(tasks, InternalMessage::id).describedAs("the thread").query(List::of)
                .reloadOnChangesTo(changes, internalTables).build();
        customerNotSent = new NotSent(refused, tasks, notice::set);
        internalNotSent = new NotSent(refused, tasks, notice::set);
        customerMessages.onUpdate(() -> customerNotSent.show(customerMessages.items().stream()
                .flatMap(message -> message.refusal().map(why -> new NotSent.Refused(message.body(), why)).stream()).toList()));
        internalMessages.onUpdate(() -> internalNotSent.show(internalMessages.items().stream()
                .flatMap(message -> message.refusal().map(why -> new NotSent.Refused(message.body(), why)).stream()).toList()));
        // A list that cannot be read says why; its placeholder alone ("No threads.") would claim there are none.
        Stream.of(customerThreads, internalThreads).forEach(list -> list.problemProperty().addListener((o, before, problem) -> {
            if (problem != null) {
                notice.set(problem.sentence());
            }
        }));
        customerThreads.stateProperty().addListener((o, before, now) -> {
            if (now != LiveList.State.LOADING) {
                customerInboxRead.set(true);
            }
        });
        internalThreads.stateProperty().addListener((o, before, now) -> {
            if (now != LiveList.State.LOADING) {
                internalInboxRead.set(true);
            }
        });
        customerThreads.onUpdate(this::countUnread);
        internalThreads.onUpdate(this::countInternalUnread);
        unreadOnly.addListener((o, before, now) -> requery());
        mineOnly.addListener((o, before, now) -> requery());
        search.addListener((o, before, now) -> requery());
        jobNumber.addListener((o, before, now) -> {
            TypedJobNumber typed = TypedJobNumber.of(now);
            if (!typed.valid()) {
                // Text that is not a job number filters nothing: the list stays as it was, and says why.
                notice.set(NOT_A_JOB_NUMBER);
                return;
            }
            if (NOT_A_JOB_NUMBER.equals(notice.get())) {
                notice.set("");
            }
            if (!typed.number().equals(jobFilter)) {
                jobFilter = typed.number();
                requery();
            }
        });
    }

    private void countUnread() {
        tasks.run(repository::unreadTotal, total -> unreadText.set(total == 0 ? "No unread customer messages"
                : total + (total == 1 ? " unread customer message" : " unread customer messages")), failure -> unreadText.set(""));
    }

    private void countInternalUnread() {
        tasks.run(repository::internalUnreadTotal, total -> internalUnreadText.set(total == 0 ? "No unread internal notes"
                : total + (total == 1 ? " unread internal note" : " unread internal notes")), failure -> internalUnreadText.set(""));
    }

    private static String[] names(List<Table> tables) {
        return tables.stream().map(Table::name).toArray(String[]::new);
    }


    void start() {
        Stream.of(customerThreads, customerMessages, internalMessages).forEach(LiveList::start);
        // The toolbar's internal count stays current while the Internal inbox is not loaded yet.
        countInternalUnread();
        internalCounts = changes.subscribe(List.of(internalTables), tasks.newestOnUi(changed -> {
            if (!internalStarted) {
                countInternalUnread();
            }
        }));
        // A refusal, a Resend (here or from the sync-issues list) or a Discard changes only the sync
        // queue for a while: an open thread with a pending message reloads to show it.
        queueChanges = repository.onQueueChange(() -> tasks.onUi(() -> {
            if (customerMessages.items().stream().anyMatch(CustomerMessage::pending)) {
                customerMessages.refresh();
            }
            if (internalMessages.items().stream().anyMatch(InternalMessage::pending)) {
                internalMessages.refresh();
            }
        }));
    }

    private void requery() {
        customerThreads.requery(customerQuery());
        if (internalStarted) {
            internalThreads.requery(internalQuery());
        }
    }

    /** The Internal inbox is shown: it loads (the first time) with the current filter and follows changes from then on. */
    void showInternalInbox() {
        if (!internalStarted) {
            internalStarted = true;
            internalThreads.start();
            internalThreads.requery(internalQuery());
        }
    }

    private ThreadFilter filter() {
        ThreadFilter filter = ThreadFilter.all().withText(search.get());
        filter = jobFilter.isPresent() ? filter.aboutJobNumber(jobFilter.getAsLong()) : filter;
        filter = mineOnly.get() ? filter.mine() : filter;
        return unreadOnly.get() ? filter.unread() : filter;
    }

    private java.util.concurrent.Callable<List<CustomerThreadSummary>> customerQuery() {
        ThreadFilter filter = filter();
        return () -> repository.customerThreads(filter, SHOWN);
    }

    private java.util.concurrent.Callable<List<InternalThreadSummary>> internalQuery() {
        ThreadFilter filter = filter();
        return () -> repository.internalThreads(filter, SHOWN);
    }

    /**
     * The section came on screen or left it (another section shown). Coming back with a thread open
     * reads it again, which marks what arrived meanwhile read: now it is seen.
     */
    void onScreen(boolean shown) {
        boolean cameBack = shown && !onScreen;
        onScreen = shown;
        if (cameBack) {
            openCustomerThread.ifPresent(this::openCustomer);
            openInternalThread.ifPresent(this::openInternal);
        }
    }

    /** Opens a thread of either kind by id (from a job, a customer, a notification) and shows its inbox. */
    void open(java.util.UUID thread) {
        tasks.run(() -> repository.isInternalThread(thread), internal -> {
            if (internal) {
                openInternal(new InternalThreadId(thread));
            } else {
                openCustomer(new CustomerThreadId(thread));
            }
            internalShown.set(internal);
        }, failure -> notice.set(Failures.sentence("Could not open the thread from this computer's copy.", failure)));
    }

    /** Whether the thread opened last by {@link #open} is an internal one (the view shows that tab). */
    javafx.beans.property.ReadOnlyBooleanProperty internalShownProperty() {
        return internalShown.getReadOnlyProperty();
    }

    /** Opens a customer thread and marks the customer's messages in it read. */
    void openCustomer(CustomerThreadId thread) {
        openCustomerThread = Optional.of(thread);
        customerThreadOpen.set(true);
        notice.set("");
        customerMessages.requery(() -> {
            if (onScreen) {
                repository.markRead(thread);
            }
            return repository.customerMessages(thread);
        });
    }

    /** Opens an internal thread and moves the signed-in user's read marker up to its newest note. */
    void openInternal(InternalThreadId thread) {
        openInternalThread = Optional.of(thread);
        internalThreadOpen.set(true);
        notice.set("");
        internalMessages.requery(() -> {
            if (onScreen) {
                repository.markRead(thread);
            }
            return repository.internalMessages(thread);
        });
    }

    /** Sends the customer reply box's text into the open customer thread (the customer will read it). */
    void sendToCustomer() {
        openCustomerThread.ifPresent(thread -> send(() -> repository.replyToCustomer(thread, customerReply.get()), customerReply));
    }

    /** Sends the internal box's text into the open internal thread (staff only). */
    void sendInternal() {
        openInternalThread.ifPresent(thread -> send(() -> repository.postInternal(thread, internalReply.get()), internalReply));
    }

    private void send(java.util.concurrent.Callable<?> write, StringProperty box) {
        tasks.run(write, sent -> {
            box.set("");
            notice.set("");
        }, failure -> notice.set(failure instanceof InvalidInputException invalid ? invalid.errors().get(0).message()
                : Failures.sentence("Could not keep the message on this computer.", failure)));
    }

    /** The open customer thread's refused message, with Resend and Discard. */
    NotSent customerNotSent() {
        return customerNotSent;
    }

    /** The open internal thread's refused note, with Resend and Discard. */
    NotSent internalNotSent() {
        return internalNotSent;
    }

    BooleanProperty unreadOnlyProperty() {
        return unreadOnly;
    }

    /** Only threads the signed-in user wrote in (or, internal, started). */
    BooleanProperty mineOnlyProperty() {
        return mineOnly;
    }

    StringProperty searchProperty() {
        return search;
    }

    StringProperty customerReplyProperty() {
        return customerReply;
    }

    StringProperty internalReplyProperty() {
        return internalReply;
    }

    ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    ReadOnlyStringProperty unreadTextProperty() {
        return unreadText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty internalUnreadTextProperty() {
        return internalUnreadText.getReadOnlyProperty();
    }

    /** The Job field's text: a job number filters both inboxes to that job's threads. */
    StringProperty jobNumberProperty() {
        return jobNumber;
    }

    ObservableList<CustomerThreadSummary> customerThreads() {
        return customerThreads.items();
    }

    ObservableList<InternalThreadSummary> internalThreads() {
        return internalThreads.items();
    }

    /** Whether the Customers inbox has been read at least once (its rows, or a failure, are known). */
    javafx.beans.value.ObservableBooleanValue customerInboxReadProperty() {
        return customerInboxRead;
    }

    /** Whether the Internal inbox has been read at least once. */
    javafx.beans.value.ObservableBooleanValue internalInboxReadProperty() {
        return internalInboxRead;
    }

    ObservableList<CustomerMessage> customerMessages() {
        return customerMessages.items();
    }

    ObservableList<InternalMessage> internalMessages() {
        return internalMessages.items();
    }

    /** Whether a customer thread is open (its compose box takes text; the list's selection may come and go). */
    javafx.beans.property.ReadOnlyBooleanProperty customerThreadOpenProperty() {
        return customerThreadOpen.getReadOnlyProperty();
    }

    javafx.beans.property.ReadOnlyBooleanProperty internalThreadOpenProperty() {
        return internalThreadOpen.getReadOnlyProperty();
    }

    @Override
    public void close() {
        try {
            queueChanges.close();
            internalCounts.close();
        } catch (Exception e) {
            // a cache listener's handle closes without failing in a way that matters
        }
        Stream.of(customerThreads, internalThreads, customerMessages, internalMessages).forEach(LiveList::close);
    }
}
