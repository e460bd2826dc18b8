package com.fielddesk.desktop.messages;

import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.Lines;
import com.fielddesk.desktop.ui.Styles;
import com.fielddesk.domain.messages.CustomerMessage;
import com.fielddesk.domain.messages.CustomerThreadSummary;
import com.fielddesk.domain.messages.InternalMessage;
import com.fielddesk.domain.messages.InternalThreadSummary;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import java.util.function.Function;

/**
 * Messages: two inboxes that look different on purpose. Customers — threads the customer reads too;
 * the compose box says "The customer will see this". Internal — staff only; its box says so. Each
 * opens its own threads; Ctrl+Enter sends.
 */
final class MessagesView {

    static final KeyCombination SEND = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    static final String MINE_HELP = "Threads you wrote in (internal: or started)";

    private final MessagesViewModel model;
    private final Formats formats;
    private final VBox root = new VBox(8);
    private final TextField search = new TextField();

    MessagesView(MessagesViewModel model, Formats formats) {
        this.model = model;
        this.formats = formats;
        root.setId("messages");
        root.setPadding(new Insets(12));
        search.setId("messages-search");
        search.setPromptText("Subject or customer…");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        CheckBox unread = new CheckBox("Unread only");
        unread.setId("messages-unread-only");
        unread.selectedProperty().bindBidirectional(model.unreadOnlyProperty());
        CheckBox mine = new CheckBox("Mine");
        mine.setId("messages-mine-only");
        // The tooltip (a popup window and its scene) is made when the pointer first comes over the
        // box; its text is the box's accessible help from the start, as a tooltip's text would be.
        mine.setAccessibleHelp(MINE_HELP);
        mine.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, new javafx.event.EventHandler<>() {
            @Override
            public void handle(javafx.scene.input.MouseEvent entered) {
                mine.removeEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, this);
                mine.setTooltip(new javafx.scene.control.Tooltip(MINE_HELP));
            }
        });
        mine.selectedProperty().bindBidirectional(model.mineOnlyProperty());
        Label unreadCount = new Label();
        unreadCount.setId("messages-unread");
        unreadCount.getStyleClass().add(Styles.FORM_HINT);
        unreadCount.textProperty().bind(model.unreadTextProperty());
        Label internalUnreadCount = new Label();
        internalUnreadCount.setId("messages-internal-unread");
        internalUnreadCount.getStyleClass().add(Styles.FORM_HINT);
        internalUnreadCount.textProperty().bind(model.internalUnreadTextProperty());
        TextField job = new TextField();
        job.setId("messages-job");
        job.setPromptText("#");
        job.setPrefColumnCount(5);
        job.setAccessibleHelp("Only threads about this job or quote number");
        job.textProperty().bindBidirectional(model.jobNumberProperty());
        Label jobLabel = new Label("_Job");
        jobLabel.setMnemonicParsing(true);
        jobLabel.setLabelFor(job);
        HBox toolbar = new HBox(8, search, jobLabel, job, unread, mine, unreadCount, internalUnreadCount);
        toolbar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Tab customers = new Tab("Customers", inbox(model.customerThreads(), this::customerLine,
                thread -> model.openCustomer(thread.id()), model.customerMessages(), this::customerMessageLine, CustomerMessage::sentAt,
                "The customer will see this", "customer", model.customerReplyProperty(), model::sendToCustomer,
                model.customerThreadOpenProperty(), model.customerNotSent(), model.customerInboxReadProperty()));
        customers.setId("messages-customers-tab");
        // The Internal inbox is built and loaded when first shown: opening Messages lays out and reads one inbox.
        Tab internal = new Tab("Internal (staff only)");
        internal.setId("messages-internal-tab");
        TabPane inboxes = new TabPane(customers, internal);
        inboxes.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        inboxes.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (now == internal && internal.getContent() == null) {
                internal.setContent(inbox(model.internalThreads(), this::internalLine,
                        thread -> model.openInternal(thread.id()), model.internalMessages(), this::internalMessageLine,
                        InternalMessage::sentAt,
                        "Staff only — customers never see this", "internal", model.internalReplyProperty(), model::sendInternal,
                        model.internalThreadOpenProperty(), model.internalNotSent(), model.internalInboxReadProperty()));
                model.showInternalInbox();
            }
        });
        // A thread opened by id (from a job, a customer) shows in its own inbox.
        model.internalShownProperty().addListener((o, before, internalNow) ->
                inboxes.getSelectionModel().select(internalNow ? internal : customers));
        Label notice = new Label();
        notice.setId("messages-notice");
        notice.textProperty().bind(model.noticeProperty());
        VBox.setVgrow(inboxes, Priority.ALWAYS);
        root.getChildren().addAll(toolbar, inboxes, notice);
        // On screen while in a window's scene: the shell takes a section out when it shows another.
        root.sceneProperty().addListener((o, before, now) -> model.onScreen(now != null));
    }

    Node node() {
        return root;
    }

    void focusSearch() {
        search.requestFocus();
    }

    private <T, M> Node inbox(ObservableList<T> threads, Function<T, String> threadLine, java.util.function.Consumer<T> open,
                              ObservableList<M> messages, Function<M, MessageText> messageLine,
                              Function<M, java.util.Optional<java.time.Instant>> sentAt, String audience, String idPrefix,
                              StringProperty reply, Runnable send, javafx.beans.value.ObservableBooleanValue threadOpen,
                              NotSent notSent, javafx.beans.value.ObservableBooleanValue read) {
        ListView<T> threadList = new ListView<>(threads);
        threadList.setId(idPrefix + "-threads");
        threadList.getStyleClass().add(Styles.TWO_LINE_LIST);
        emptyInboxSays(threadList, read);
        threadList.setCellFactory(list -> twoLineCell(list, threadLine));
        threadList.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (now != null) {
                open.accept(now);
            }
        });
        Label who = new Label(audience);
        who.setId(idPrefix + "-audience");
        who.getStyleClass().add(Styles.FORM_HINT);
        Label noThread = new Label("Open a thread to read it.");
        noThread.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        noThread.setAlignment(javafx.geometry.Pos.CENTER);
        VBox.setVgrow(noThread, Priority.ALWAYS);
        VBox thread = new VBox(6, noThread, who);
        // The thread's list, the compose box and the not-sent bar are built when a thread is first
        // opened: opening the section builds and styles the inbox a person looks at, not an empty
        // list and a text area they cannot use yet.
        Runnable compose = () -> thread.getChildren().setAll(messageList(messages, messageLine, sentAt, idPrefix),
                notSentBar(notSent, idPrefix), who, composeBox(audience, idPrefix, reply, send, threadOpen),
                sendButton(idPrefix, send, threadOpen));
        whenTrue(threadOpen, compose);
        SplitPane split = new SplitPane(threadList, thread);
        split.setDividerPositions(0.4);
        return split;
    }

    /**
     * "No threads." for an inbox that was read and has none. The label is made when it is first
     * needed: while the inbox is read, and while it has threads, the list's placeholder is an empty
     * region (the section's first pulse has no label to build, style and measure only for it to be
     * hidden when the rows come; a list without a placeholder would show its own "No content" text).
     */
    private static void emptyInboxSays(ListView<?> threadList, javafx.beans.value.ObservableBooleanValue read) {
        threadList.setPlaceholder(new javafx.scene.layout.Region());
        Runnable labelWhenEmpty = () -> {
            if (read.get() && threadList.getItems().isEmpty() && !(threadList.getPlaceholder() instanceof Label)) {
                threadList.setPlaceholder(new Label("No threads."));
            }
        };
        read.addListener((javafx.beans.InvalidationListener) o -> labelWhenEmpty.run());
        threadList.getItems().addListener((javafx.beans.InvalidationListener) o -> labelWhenEmpty.run());
        labelWhenEmpty.run();
    }

    /** Runs {@code then} once {@code condition} is true (now, or when it turns true). */
    private static void whenTrue(javafx.beans.value.ObservableBooleanValue condition, Runnable then) {
        if (condition.get()) {
            then.run();
            return;
        }
        condition.addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable changed) {
                if (condition.get()) {
                    condition.removeListener(this);
                    then.run();
                }
            }
        });
    }

    private <M> ListView<M> messageList(ObservableList<M> messages, Function<M, MessageText> messageLine,
                                        Function<M, java.util.Optional<java.time.Instant>> sentAt, String idPrefix) {
        ListView<M> messageList = new ListView<>(messages);
        messageList.setId(idPrefix + "-messages");
        messageList.setPlaceholder(new Label("Open a thread to read it."));
        MessageHeights headerHeights = new MessageHeights();
        MessageHeights bodyHeights = new MessageHeights();
        messageList.setCellFactory(list -> messageCell(messageLine, sentAt, formats, headerHeights, bodyHeights));
        messages.addListener((javafx.collections.ListChangeListener<M>) change -> {
            if (!messages.isEmpty()) {
                messageList.scrollTo(messages.size() - 1);
            }
        });
        if (!messages.isEmpty()) {
            messageList.scrollTo(messages.size() - 1);
        }
        VBox.setVgrow(messageList, Priority.ALWAYS);
        return messageList;
    }

    private static TextArea composeBox(String audience, String idPrefix, StringProperty reply, Runnable send,
                                       javafx.beans.value.ObservableBooleanValue threadOpen) {
        TextArea box = new TextArea();
        box.setId(idPrefix + "-reply");
        box.setPrefRowCount(3);
        box.setWrapText(true);
        box.setPromptText(audience + " (Ctrl+Enter sends)");
        box.textProperty().bindBidirectional(reply);
        box.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (SEND.match(e)) {
                send.run();
                e.consume();
            }
        });
        box.disableProperty().bind(javafx.beans.binding.Bindings.not(threadOpen));
        return box;
    }

    private static Button sendButton(String idPrefix, Runnable send, javafx.beans.value.ObservableBooleanValue threadOpen) {
        Button sendButton = new Button("Send");
        sendButton.setId(idPrefix + "-send");
        sendButton.setOnAction(e -> send.run());
        // The open thread, not the list's selection: a reload (a new message, the unread count) replaces the line.
        sendButton.disableProperty().bind(javafx.beans.binding.Bindings.not(threadOpen));
        return sendButton;
    }

    /**
     * "Not sent: <why> — “<the message>”" with Resend and Discard (Alt+R, Alt+D; in the Tab order
     * between the thread and the compose box), shown while the open thread has a refused message.
     */
    private static Node notSentBar(NotSent notSent, String idPrefix) {
        Label why = new Label();
        why.setId(idPrefix + "-not-sent");
        why.setWrapText(true);
        why.getStyleClass().add(Styles.FORM_ERROR);
        why.textProperty().bind(notSent.textProperty());
        HBox.setHgrow(why, Priority.ALWAYS);
        why.setMaxWidth(Double.MAX_VALUE);
        Button resend = new Button("_Resend");
        resend.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        resend.setId(idPrefix + "-resend");
        resend.setOnAction(e -> notSent.resend());
        resend.disableProperty().bind(notSent.busyProperty());
        Button discard = new Button("_Discard");
        discard.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        discard.setId(idPrefix + "-discard");
        discard.setOnAction(e -> notSent.discard());
        discard.disableProperty().bind(notSent.busyProperty());
        HBox bar = new HBox(8, why, resend, discard);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.visibleProperty().bind(notSent.shownProperty());
        bar.managedProperty().bind(notSent.shownProperty());
        return bar;
    }

    /**
     * An inbox line: two lines of text (the thread, then its last message), each cut with "…" when
     * long. Every line has the same height, so the list has it as its fixed cell size: it then lays
     * out only the lines on screen instead of measuring wrapped text of the lines listed, which made
     * filtering an inbox slow. The stylesheet gives that height ({@link Styles#TWO_LINE_LIST}), so
     * it is known at the first layout; without the stylesheet it is measured once, on the first line.
     */
    private static <T> ListCell<T> twoLineCell(ListView<T> list, Function<T, String> text) {
        return new ListCell<>() {
            {
                // A list row's look without the theme's many "list-cell" selectors (see Styles.TWO_LINE_ROW).
                getStyleClass().setAll("cell", "indexed-cell", Styles.TWO_LINE_ROW);
                setWrapText(false);
                setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }

            @Override
            protected void layoutChildren() {
                String shown = getText();
                if (list.getFixedCellSize() <= 0 && shown != null && shown.contains("\n")) {
                    // The cell's own two lines as styled (font, line spacing, label padding): a bare
                    // Text in the font left out the spacing and cut the second line's descenders.
                    list.setFixedCellSize(Math.ceil(super.computePrefHeight(-1)));
                }
                super.layoutChildren();
            }

            @Override
            protected double computePrefWidth(double height) {
                // As wide as the list, never wider: a long line is cut with "…" instead of giving
                // the inbox a horizontal scroll bar.
                return 0;
            }
        };
    }

    /** Space above a day heading (between the day before and this one) and below it. */
    private static final Insets DAY_HEADING_MARGIN = new Insets(8, 0, 2, 0);

    /** Space between one message and the next (above each message's first line). */
    private static final Insets MESSAGE_MARGIN = new Insets(4, 0, 0, 0);

    /**
     * A message: who and when in bold, then the text, wrapped to the list's width — and above the
     * first message of each day, the day ({@link DayHeadings}). Each part is a {@link Text} in the
     * cell's font and text colour rather than the cell's own label text, which measured and cut
     * the wrapped text again on every layout; the height of a text at a width is measured once and
     * kept, so scrolling a long thread measures only messages not seen yet. Texts also have their
     * height without a style pass (the list measures a cell before it is styled).
     */
    private static <T> ListCell<T> messageCell(Function<T, MessageText> text, Function<T, java.util.Optional<java.time.Instant>> sentAt,
                                               Formats formats, MessageHeights headerHeights, MessageHeights bodyHeights) {
        return new ListCell<>() {
            private final Text day = new Text();
            private final Text header = new Text();
            private final Text body = new Text();

            {
                javafx.beans.binding.ObjectBinding<javafx.scene.text.Font> bold = javafx.beans.binding.Bindings.createObjectBinding(
                        () -> javafx.scene.text.Font.font(getFont().getFamily(), javafx.scene.text.FontWeight.BOLD, getFont().getSize()),
                        fontProperty());
                day.getStyleClass().add(Styles.MESSAGE_DAY);
                day.fontProperty().bind(bold);
                day.fillProperty().bind(textFillProperty());
                // Quieter than the messages under it: a heading, not a message.
                day.setOpacity(0.7);
                day.setVisible(false);
                day.setManaged(false);
                VBox.setMargin(day, DAY_HEADING_MARGIN);
                header.fontProperty().bind(bold);
                header.fillProperty().bind(textFillProperty());
                VBox.setMargin(header, MESSAGE_MARGIN);
                body.fontProperty().bind(fontProperty());
                body.fillProperty().bind(textFillProperty());
                setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
                setGraphic(new VBox(day, header, body));
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                MessageText shown = empty || item == null ? MessageText.NONE : text.apply(item);
                header.setText(shown.header());
                body.setText(shown.body());
                showDay();
            }

            /** The message before this one can change while this one stays (a message synced in before it). */
            @Override
            public void updateIndex(int index) {
                super.updateIndex(index);
                showDay();
            }

            private void showDay() {
                T item = getItem();
                ListView<T> list = getListView();
                int index = getIndex();
                java.util.Optional<String> heading = java.util.Optional.empty();
                if (!isEmpty() && item != null && list != null) {
                    java.util.Optional<java.time.Instant> previous = index > 0 && index - 1 < list.getItems().size()
                            ? sentAt.apply(list.getItems().get(index - 1)) : java.util.Optional.empty();
                    heading = DayHeadings.above(previous, sentAt.apply(item), formats);
                }
                day.setText(heading.orElse(""));
                day.setVisible(heading.isPresent());
                day.setManaged(heading.isPresent());
                setAccessibleText(isEmpty() || item == null ? null
                        : heading.map(when -> when + ". ").orElse("") + header.getText() + "\n" + body.getText());
            }

            @Override
            protected double computePrefHeight(double width) {
                if (isEmpty()) {
                    return super.computePrefHeight(width);
                }
                // No width yet (a cell being set up): unwrapped, as the cell's own label measured it.
                double cellWidth = width >= 0 ? width : getWidth();
                double inside = cellWidth > 0 ? textWidth(cellWidth) : 0;
                double dayHeight = day.isManaged()
                        ? day.getLayoutBounds().getHeight() + DAY_HEADING_MARGIN.getTop() + DAY_HEADING_MARGIN.getBottom() : 0;
                return dayHeight + MESSAGE_MARGIN.getTop() + headerHeights.of(header.getText(), inside, header.getFont())
                        + bodyHeights.of(body.getText(), inside, getFont()) + snappedTopInset() + snappedBottomInset();
            }

            /** As high as its text: the label's own minimum would measure the wrapped text once more. */
            @Override
            protected double computeMinHeight(double width) {
                return isEmpty() ? super.computeMinHeight(width) : computePrefHeight(width);
            }

            @Override
            protected void layoutChildren() {
                double wrapping = textWidth(getWidth());
                header.setWrappingWidth(wrapping);
                body.setWrappingWidth(wrapping);
                super.layoutChildren();
            }

            private double textWidth(double cellWidth) {
                return Math.max(1, cellWidth - snappedLeftInset() - snappedRightInset());
            }
        };
    }

    /**
     * The heights of a thread's messages by the width they were wrapped to (the list's cells and the
     * one it measures with can be asked at different widths; a few widths are kept, the oldest dropped).
     */
    private static final class MessageHeights {
        private static final int WIDTHS = 4;
        private static final int KEPT = 20_000;
        private final java.util.LinkedHashMap<Double, java.util.Map<String, Double>> byWidth = new java.util.LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<Double, java.util.Map<String, Double>> eldest) {
                return size() > WIDTHS;
            }
        };

        /** Measures off screen: a cell's own text is not re-wrapped (which would lay the list out again). */
        private final Text measuring = new Text();
        private javafx.scene.text.Font font;

        /** The height of {@code text} wrapped at {@code atWidth} (0: not wrapped) in {@code inFont}. */
        double of(String text, double atWidth, javafx.scene.text.Font inFont) {
            if (!java.util.Objects.equals(inFont, font)) {
                byWidth.clear();
                font = inFont;
                measuring.setFont(inFont);
            }
            java.util.Map<String, Double> heights = byWidth.computeIfAbsent(atWidth, width -> new java.util.HashMap<>());
            if (heights.size() > KEPT) {
                heights.clear();
            }
            Double known = heights.get(text);
            if (known == null) {
                measuring.setWrappingWidth(atWidth);
                measuring.setText(text);
                known = measuring.getLayoutBounds().getHeight();
                heights.put(text, known);
            }
            return known;
        }
    }

    /**
     * A message as its cell shows it: "who (role) · when" on one line, then the text as written (and
     * "(waiting to sync)"). Kept apart rather than joined with a line break, so a name that holds one
     * cannot move the split.
     */
    private record MessageText(String header, String body) {
        static final MessageText NONE = new MessageText("", "");
    }

    private String customerLine(CustomerThreadSummary thread) {
        return (thread.unread() > 0 ? "● " + thread.unread() + " new · " : "") + Lines.oneLine(thread.subject()) + " — "
                + Lines.oneLine(thread.customerName())
                + thread.jobNumber().map(number -> " · Job " + number).orElse("")
                + thread.lastMessageAt().map(at -> " · " + formats.dayAndTime(at)).orElse("")
                + thread.lastMessage().map(text -> "\n" + text).orElse("") + (thread.pending() ? " (waiting to sync)" : "");
    }

    private String internalLine(InternalThreadSummary thread) {
        return (thread.unread() > 0 ? "● " + thread.unread() + " new · " : "") + Lines.oneLine(thread.subject())
                + thread.jobNumber().map(number -> " · Job " + number).orElse("")
                + thread.startedBy().map(name -> " · " + Lines.oneLine(name)).orElse("")
                + thread.lastMessageAt().map(at -> " · " + formats.dayAndTime(at)).orElse("")
                + thread.lastMessage().map(text -> "\n" + text).orElse("") + (thread.pending() ? " (waiting to sync)" : "");
    }

    private MessageText customerMessageLine(CustomerMessage message) {
        return new MessageText(Lines.oneLine(message.senderName()) + (message.fromCustomer() ? " (customer)"
                : message.senderRole().map(role -> " (" + role.label() + ")").orElse("")) + " · " + when(message.sentAt(), message.refusal()),
                message.body() + (message.pending() && message.refusal().isEmpty() ? "\n(waiting to sync)" : ""));
    }

    private MessageText internalMessageLine(InternalMessage message) {
        return new MessageText(Lines.oneLine(message.authorName()) + message.authorRole().map(role -> " (" + role.label() + ")").orElse("")
                + " · " + when(message.sentAt(), message.refusal()),
                message.body() + (message.pending() && message.refusal().isEmpty() ? "\n(waiting to sync)" : ""));
    }

    /** The server's time of a message, or why the server refused it ("Not sent: …"), or "not sent yet". */
    private String when(java.util.Optional<java.time.Instant> sentAt, java.util.Optional<com.fielddesk.domain.messages.MessageRefusal> refusal) {
        return refusal.map(NotSent::sentence).orElseGet(() -> sentAt.map(formats::dayAndTime).orElse("not sent yet"));
    }
}
