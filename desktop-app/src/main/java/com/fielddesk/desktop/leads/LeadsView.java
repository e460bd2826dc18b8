package com.fielddesk.desktop.leads;

import com.fielddesk.domain.leads.Lead;
import com.fielddesk.domain.leads.Trade;

import com.fielddesk.desktop.ui.Durations;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.desktop.ui.Styles;
import com.fielddesk.desktop.ui.TableLayouts;
import com.fielddesk.desktop.ui.ViewSettings;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.Instant;
import java.util.function.Function;

/** Sales → Leads: the pool with filters and a detail pane, and My leads. Built in code. */
public final class LeadsView {

    public static final String POOL_TABLE_ID = "leadPoolTable";
    public static final String MY_LEADS_TABLE_ID = "myLeadsTable";
    public static final String CLAIM_BUTTON_ID = "claimButton";
    public static final String DECLINE_BUTTON_ID = "declineButton";
    public static final String DECLINE_REASON_ID = "declineReason";
    public static final String SEARCH_FIELD_ID = "leadSearch";
    public static final String TRADE_FILTER_ID = "tradeFilter";
    public static final String EMERGENCY_FILTER_ID = "emergencyFilter";
    public static final String MESSAGE_ID = "leadMessage";
    public static final String UNAVAILABLE_REASON_ID = "claimUnavailableReason";
    public static final String TOAST_ID = "leadToast";
    public static final String TABS_ID = "leadTabs";
    public static final String SOUND_TOGGLE_ID = "newLeadSound";
    /** The settings key of the new-lead sound choice. */
    public static final String SOUND_SETTING = "leads.newLeadSound";
    static final String POOL_LAYOUT_KEY = "leads.pool";

    private static final KeyCombination CLAIM_SHORTCUT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    /** Opens the lead the new-lead notification names. */
    public static final KeyCombination OPEN_NEW_LEAD_SHORTCUT = new KeyCodeCombination(KeyCode.N,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final Duration TOAST_VISIBLE_FOR = Duration.seconds(12);
    /** The pool columns a click sorts, by column id. */
    private static final java.util.Map<String, PoolSort.Key> SORT_KEYS = java.util.Map.of("age", PoolSort.Key.AGE,
            "trade", PoolSort.Key.TRADE, "emergency", PoolSort.Key.EMERGENCY, "area", PoolSort.Key.AREA,
            "window", PoolSort.Key.WINDOW);

    private final LeadPoolViewModel viewModel;
    private final ViewSettings settings;
    private final Formats formats;
    private final StackPane root = new StackPane();
    private final TableView<Lead> poolTable = new TableView<>();
    private final TabPane tabs = new TabPane();
    /** The new-lead notification slides up over the bottom of the tables (ControlsFX), the toast button inside it. */
    private final NotificationPane notifications = new NotificationPane(tabs);
    private final Button toast = new Button();
    private final PauseTransition toastTimer = new PauseTransition(TOAST_VISIBLE_FOR);
    private final Timeline ticker;

    public LeadsView(LeadPoolViewModel viewModel, ViewSettings settings) {
        this(viewModel, new Formats(viewModel.zone()), settings);
    }

    /** @param formats times in the company's zone */
    public LeadsView(LeadPoolViewModel viewModel, Formats formats, ViewSettings settings) {
        this.viewModel = viewModel;
        this.settings = settings;
        this.formats = formats;
        build();
        wire();
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    public Node node() {
        return root;
    }

    public void dispose() {
        ticker.stop();
        toastTimer.stop();
    }

    // ---- build ----

    private void build() {
        Tab poolTab = new Tab("Lead pool", buildPool());
        Tab mineTab = new Tab("My leads", new MyLeadsView(viewModel.myLeadsViewModel(), formats, settings,
                () -> tabs.getSelectionModel().select(1)).node());
        poolTab.setClosable(false);
        mineTab.setClosable(false);
        tabs.getTabs().addAll(poolTab, mineTab);
        tabs.setId(TABS_ID);

        toast.setId(TOAST_ID);
        toast.getStyleClass().addAll(Styles.TOAST, "accent");
        toast.setGraphic(new FontIcon(Material2MZ.NOTIFICATIONS_ACTIVE));
        toast.setVisible(false);
        notifications.setShowFromTop(false);
        notifications.setGraphic(toast);
        // Closed with its ✕: the user has seen it. The toast slides out with the bar and is hidden only
        // once the bar is gone (hiding it first left an empty bar sliding out, which looked broken).
        notifications.setOnHidden(e -> {
            if (viewModel.newLeadNoticeProperty().get() != null) {
                viewModel.dismissNewLeadNotice();
            }
            toast.setVisible(viewModel.newLeadNoticeProperty().get() != null && notifications.isShowing());
        });
        root.getChildren().add(notifications);
    }

    private Node buildPool() {
        ComboBox<Trade> trade = new ComboBox<>();
        trade.setId(TRADE_FILTER_ID);
        trade.getItems().add(null);
        trade.getItems().addAll(Trade.values());
        trade.setButtonCell(tradeCell());
        trade.setCellFactory(list -> tradeCell());
        trade.valueProperty().bindBidirectional(viewModel.tradeFilterProperty());

        ToggleButton emergency = new ToggleButton("Emergency only", new FontIcon(Material2AL.FLASH_ON));
        emergency.setId(EMERGENCY_FILTER_ID);
        emergency.selectedProperty().bindBidirectional(viewModel.emergencyOnlyProperty());

        TextField search = new TextField();
        search.setId(SEARCH_FIELD_ID);
        search.setPromptText("Filter by description, city, postal code…");
        search.textProperty().bindBidirectional(viewModel.searchTextProperty());
        HBox.setHgrow(search, Priority.ALWAYS);

        Label count = new Label();
        count.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.visibleLeads().size() + " of " + viewModel.allPoolLeads().size() + " leads",
                viewModel.visibleLeads(), viewModel.allPoolLeads()));
        count.getStyleClass().add(Styles.FORM_HINT);

        ToggleButton sound = new ToggleButton(null, new FontIcon(Material2MZ.NOTIFICATIONS_OFF));
        sound.setId(SOUND_TOGGLE_ID);
        sound.getStyleClass().add("flat");
        sound.selectedProperty().bindBidirectional(viewModel.newLeadSoundProperty());
        sound.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(sound.isSelected()
                ? Material2MZ.NOTIFICATIONS_ACTIVE : Material2MZ.NOTIFICATIONS_OFF), sound.selectedProperty()));
        sound.setTooltip(new javafx.scene.control.Tooltip("Play a sound when a new lead arrives"));
        sound.setAccessibleText("Sound on new leads");

        HBox filters = new HBox(8, trade, emergency, search, count, sound);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(8));

        poolTable.setId(POOL_TABLE_ID);
        poolTable.getColumns().add(ageColumn());
        poolTable.getColumns().add(column("trade", "Trade", 100, lead -> lead.trade().label()));
        poolTable.getColumns().add(column("emergency", "Urgency", 122, lead -> lead.emergency() ? "EMERGENCY" : ""));
        poolTable.getColumns().add(column("area", "Area", 150, Lead::area));
        poolTable.getColumns().add(column("window", "Preferred time", 200,
                lead -> lead.preferredWindow().describe(viewModel.zone())));
        poolTable.getColumns().add(column("description", "Description", 260, Lead::excerpt));
        emergencyColumn();
        // The resize policy shrinks every column when space is short: the short columns keep their
        // full width ("Electrical", the EMERGENCY badge, "Capital City 12350", a two-time window)
        // and the description excerpt gives way (the detail pane shows all of it).
        for (int i = 0; i < 5; i++) {
            poolTable.getColumns().get(i).setMinWidth(poolTable.getColumns().get(i).getPrefWidth());
        }
        poolTable.getColumns().get(5).setMinWidth(120);
        poolTable.setPlaceholder(new Label("No leads match. New leads appear here as soon as they are posted."));
        poolTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        poolTable.setItems(viewModel.visibleLeads());
        // The ViewModel keeps the pool in the clicked order (sorting once per click, inserting new
        // leads in place); a SortedList over 50k rows tripled the cost of a filter keystroke.
        poolTable.getColumns().forEach(c -> c.setSortable(SORT_KEYS.containsKey(c.getId())));
        poolTable.setSortPolicy(table -> {
            viewModel.sortPool(poolSortOf(table.getSortOrder()));
            return true;
        });
        TableColumn<Lead, ?> age = poolTable.getColumns().get(0);
        age.setSortType(TableColumn.SortType.ASCENDING);
        poolTable.getSortOrder().setAll(java.util.List.of(age));
        TableLayouts.remember(poolTable, POOL_LAYOUT_KEY, settings);

        SplitPane split = new SplitPane(poolTable, new LeadDetailView(viewModel, formats).node());
        split.setDividerPositions(0.72);
        VBox.setVgrow(split, Priority.ALWAYS);
        return new VBox(filters, split);
    }

    // ---- wire ----

    private void wire() {
        poolTable.getSelectionModel().selectedItemProperty().addListener(
                (o, old, lead) -> viewModel.selectedLeadProperty().set(lead));
        viewModel.selectedLeadProperty().addListener((o, old, lead) -> {
            if (lead == null) {
                poolTable.getSelectionModel().clearSelection();
            } else if (poolTable.getSelectionModel().getSelectedItem() != lead) {
                poolTable.getSelectionModel().select(lead);
            }
        });
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (CLAIM_SHORTCUT.match(event)) {
                viewModel.claimSelected();
                event.consume();
            }
        });
        viewModel.messageProperty().addListener((o, old, now) -> {
            if (now != null && now.kind() == Notice.Kind.SUCCESS && now.sentence().startsWith("Claimed")) {
                tabs.getSelectionModel().select(1);
            }
        });
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (OPEN_NEW_LEAD_SHORTCUT.match(event) && viewModel.newLeadNoticeProperty().get() != null) {
                openNewLead();
                event.consume();
            }
        });
        toast.setOnAction(e -> openNewLead());
        toastTimer.setOnFinished(e -> viewModel.dismissNewLeadNotice());
        viewModel.newLeadNoticeProperty().addListener((o, old, notice) -> showToast(notice));
        // The sound choice is remembered like the column layout.
        viewModel.newLeadSoundProperty().set(Boolean.parseBoolean(settings.get(SOUND_SETTING).orElse("false")));
        viewModel.newLeadSoundProperty().addListener((o, a, on) -> {
            settings.put(SOUND_SETTING, Boolean.toString(on));
            settings.save();
        });
    }

    private void openNewLead() {
        tabs.getSelectionModel().select(0);
        if (viewModel.openNewLead()) {
            Lead lead = viewModel.selectedLeadProperty().get();
            if (lead != null) {
                poolTable.scrollTo(lead);
            }
            poolTable.requestFocus();
        }
    }

    /** The notification names the newest live arrival until it is opened or its time is up. */
    private void showToast(LeadArrivals.NewLeadNotice notice) {
        toastTimer.stop();
        boolean show = notice != null;
        if (show) {
            toast.setVisible(true);
            toast.setText(notice.text() + "  ·  open: Ctrl+Shift+N");
            notifications.show();
            toastTimer.playFromStart();
        } else {
            notifications.hide();
        }
    }

    // ---- helpers ----

    /**
     * Age since posted, moving every second without reloading rows: each cell follows the ticking
     * clock itself. (A binding per row value would leave one dead listener on the clock for every
     * row ever shown, and each tick would walk them all.)
     */
    private TableColumn<Lead, Instant> ageColumn() {
        TableColumn<Lead, Instant> age = new TableColumn<>("Age");
        age.setId("age");
        age.setPrefWidth(72);
        age.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().postedAt()));
        age.setCellFactory(column -> new TableCell<>() {
            private final InvalidationListener tick = clock -> showAge();
            // The cell holds its listener; the clock holds it weakly, so cells of a closed view can go.
            private final WeakInvalidationListener weakTick = new WeakInvalidationListener(tick);

            {
                viewModel.nowProperty().addListener(weakTick);
            }

            @Override
            protected void updateItem(Instant postedAt, boolean empty) {
                super.updateItem(postedAt, empty);
                showAge();
            }

            private void showAge() {
                Instant postedAt = isEmpty() ? null : getItem();
                setText(postedAt == null ? null
                        : Durations.age(java.time.Duration.between(postedAt, viewModel.nowProperty().get())));
            }
        });
        return age;
    }

    private static java.util.List<PoolSort> poolSortOf(java.util.List<? extends TableColumn<Lead, ?>> sortOrder) {
        java.util.List<PoolSort> order = new java.util.ArrayList<>();
        for (TableColumn<Lead, ?> column : sortOrder) {
            PoolSort.Key key = SORT_KEYS.get(column.getId());
            if (key != null) {
                order.add(new PoolSort(key, column.getSortType() == TableColumn.SortType.ASCENDING));
            }
        }
        return order;
    }

    private void emergencyColumn() {
        @SuppressWarnings("unchecked")
        TableColumn<Lead, String> column = (TableColumn<Lead, String>) poolTable.getColumns().get(2);
        column.setCellFactory(c -> new TableCell<>() {
            private final Label badge = new Label("EMERGENCY");

            {
                badge.getStyleClass().add(Styles.EMERGENCY_BADGE);
                badge.setMinWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null || item.isEmpty() ? null : badge);
            }
        });
    }

    private static <T> TableColumn<T, String> column(String id, String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }


    private static ListCell<Trade> tradeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Trade item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "All trades" : item.label());
            }
        };
    }

}
