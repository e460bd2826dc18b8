package com.fielddesk.desktop.shell;

import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.ui.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Locale;


/**
 * The console frame: header (with Back/Forward), the navigation the feature registry gives for
 * this user's role, the open section, the status bar (ControlsFX {@link StatusBar}); Ctrl+K search
 * and the issue list as overlays. Alt+Left / Alt+Right go back and forward.
 */
public final class ShellView {

    public static final String CONNECTION_ID = "connectionStatus";
    public static final String PENDING_ID = "pendingStatus";
    public static final String LAST_SYNC_ID = "lastSync";
    public static final String ISSUES_BUTTON_ID = "syncIssues";
    public static final String ISSUES_PANEL_ID = "syncIssuesPanel";
    /** On a rejected change's "Details" toggle, and on the server's text it shows. */
    public static final String ISSUE_DETAILS_TOGGLE_CLASS = "fd-issue-details-toggle";
    public static final String ISSUE_SERVER_TEXT_CLASS = "fd-issue-server-text";
    public static final String SEARCH_FIELD_ID = "globalSearch";
    public static final String SEARCH_PANEL_ID = "globalSearchPanel";
    public static final String SEARCH_RESULTS_ID = "globalSearchResults";
    public static final String SEARCH_NOTICE_ID = "globalSearchNotice";
    /** The status bar; its own text is the current problem (sync or background work), if any. */
    public static final String STATUS_BAR_ID = "statusBar";
    public static final String LIVE_ID = "liveUpdates";
    public static final String USER_ID = "headerUser";
    public static final String THEME_BUTTON_ID = "themeToggle";
    public static final String SIGN_OUT_ID = "signOut";
    public static final String BACK_ID = "navigateBack";
    public static final String FORWARD_ID = "navigateForward";
    public static final String SECTION_ID = "section";
    /** A section's navigation button has the id {@code NAV_PREFIX + feature id}. */
    public static final String NAV_PREFIX = "nav-";
    public static final String NO_SECTIONS_ID = "noSections";
    /** The notification of something that arrived (a customer's message…): its button opens it. */
    public static final String ARRIVAL_ID = "arrival";
    public static final String ARRIVAL_CLOSE_ID = "arrivalClose";

    private static final KeyCombination SEARCH_SHORTCUT = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination BACK_SHORTCUT = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);
    private static final KeyCombination FORWARD_SHORTCUT = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN);

    private final ShellViewModel viewModel;
    private final SectionNavigator navigator;
    private final Runnable toggleTheme;
    private final Runnable signOut;
    private final StackPane root = new StackPane();
    private final StackPane section = new StackPane();
    private final VBox nav = new VBox();
    private final ToggleGroup navToggles = new ToggleGroup();
    private final BorderPane frame = new BorderPane();
    private final VBox searchPanel = new VBox();
    private final TextField searchField = new TextField();
    private final VBox issuesPanel = new VBox();
    private final HBox arrivalPanel = new HBox(8);

    public ShellView(ShellViewModel viewModel, SectionNavigator navigator, Runnable toggleTheme, Runnable signOut) {
        this.viewModel = viewModel;
        this.navigator = navigator;
        this.toggleTheme = toggleTheme;
        this.signOut = signOut;
        build();
        wire();
    }

    public Node node() {
        return root;
    }

    public void openSearch() {
        searchPanel.setVisible(true);
        searchField.requestFocus();
        searchField.selectAll();
    }

    // ---- build ----

    private void build() {
        frame.setTop(buildHeader());
        frame.setLeft(nav);
        nav.getStyleClass().add(Styles.NAV);
        section.setId(SECTION_ID);
        frame.setCenter(section);
        frame.setBottom(buildStatusBar());
        buildSearch();
        buildIssues();
        buildArrival();
        root.getChildren().addAll(frame, searchPanel, issuesPanel, arrivalPanel);
        root.getStyleClass().add(Styles.APP_ROOT);
    }

    private Node buildHeader() {
        Label title = new Label("FieldDesk", new FontIcon(Material2AL.BUILD_CIRCLE));
        title.getStyleClass().add(Styles.HEADER_TITLE);
        Button back = new Button(null, new FontIcon(Material2AL.ARROW_BACK));
        back.setId(BACK_ID);
        back.getStyleClass().add("flat");
        back.setTooltip(new Tooltip("Back (Alt+Left)"));
        back.setAccessibleText("Back");
        back.disableProperty().bind(navigator.canGoBackProperty().not());
        back.setOnAction(e -> navigator.back());
        Button forward = new Button(null, new FontIcon(Material2AL.ARROW_FORWARD));
        forward.setId(FORWARD_ID);
        forward.getStyleClass().add("flat");
        forward.setTooltip(new Tooltip("Forward (Alt+Right)"));
        forward.setAccessibleText("Forward");
        forward.disableProperty().bind(navigator.canGoForwardProperty().not());
        forward.setOnAction(e -> navigator.forward());
        Button search = new Button("Search  Ctrl+K", new FontIcon(Material2MZ.SEARCH));
        search.setOnAction(e -> openSearch());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label user = new Label();
        user.setId(USER_ID);
        user.setGraphic(new FontIcon(Material2AL.ACCOUNT_CIRCLE));
        user.getStyleClass().add(Styles.HEADER_USER);
        user.textProperty().bind(Bindings.createStringBinding(() -> join(viewModel.userNameProperty().get(),
                        viewModel.userRoleProperty().get(), viewModel.companyNameProperty().get()),
                viewModel.userNameProperty(), viewModel.userRoleProperty(), viewModel.companyNameProperty()));
        Button theme = new Button(null, new FontIcon(Material2AL.BRIGHTNESS_6));
        theme.setId(THEME_BUTTON_ID);
        theme.getStyleClass().add("flat");
        theme.setOnAction(e -> toggleTheme.run());
        Button out = new Button("Sign out", new FontIcon(Material2AL.EXIT_TO_APP));
        out.setId(SIGN_OUT_ID);
        out.getStyleClass().add("flat");
        out.setOnAction(e -> signOut.run());
        HBox header = new HBox(12, title, new HBox(2, back, forward), search, grow, user, theme, out);
        header.getStyleClass().add(Styles.HEADER);
        return header;
    }

    /** The registry's sections this role sees, under their group names; rebuilt when the role changes. */
    private void showNavigation() {
        nav.getChildren().clear();
        String group = null;
        for (Feature feature : navigator.visibleFeatures()) {
            if (!feature.group().equals(group)) {
                group = feature.group();
                Label heading = new Label(group.toUpperCase(Locale.ROOT));
                heading.getStyleClass().add(Styles.FORM_HINT);
                nav.getChildren().add(heading);
            }
            ToggleButton item = new ToggleButton(feature.title(), new FontIcon(feature.icon()));
            if (feature.count().isPresent()) {
                // The section's published number (unread messages…) after its name, nothing when zero.
                javafx.beans.property.ReadOnlyLongProperty count = navigator.counts().countProperty(feature.id());
                item.textProperty().bind(Bindings.createStringBinding(() -> navItemText(feature.title(), count.get()), count));
            }
            item.setId(NAV_PREFIX + feature.id());
            item.setUserData(feature);
            item.getStyleClass().addAll(Styles.NAV_ITEM, "flat");
            item.setToggleGroup(navToggles);
            item.setOnAction(e -> navigator.show(feature.id()));
            nav.getChildren().add(item);
        }
        showCurrentSection();
    }

    static String navItemText(String title, long count) {
        return count > 0 ? title + " (" + count + ")" : title;
    }

    /** The open section's screen in the middle, its navigation button selected. */
    private void showCurrentSection() {
        Feature current = navigator.currentProperty().get();
        if (current == null) {
            Label none = new Label("There is nothing in this console for your role. Ask your admin if that is wrong.");
            none.setId(NO_SECTIONS_ID);
            none.getStyleClass().add(Styles.FORM_HINT);
            section.getChildren().setAll(none);
        } else {
            section.getChildren().setAll(navigator.screen(current).node());
        }
        navToggles.getToggles().forEach(toggle -> toggle.setSelected(toggle.getUserData() == current));
    }

    private Node buildStatusBar() {
        Label connection = new Label();
        connection.setId(CONNECTION_ID);
        connection.textProperty().bind(viewModel.connectionTextProperty());
        viewModel.connectionProperty().addListener((o, a, state) -> styleConnection(connection, state));
        styleConnection(connection, viewModel.connectionProperty().get());

        Label live = new Label();
        live.setId(LIVE_ID);
        live.getStyleClass().add(Styles.LIVE_UPDATES);
        live.textProperty().bind(viewModel.liveTextProperty());
        live.graphicProperty().bind(Bindings.createObjectBinding(() -> viewModel.liveTextProperty().get().equals("Live updates")
                ? new FontIcon(Material2AL.FIBER_MANUAL_RECORD) : null, viewModel.liveTextProperty()));
        live.visibleProperty().bind(viewModel.liveTextProperty().isNotEmpty());
        live.managedProperty().bind(live.visibleProperty());

        Label pending = new Label();
        pending.setId(PENDING_ID);
        pending.textProperty().bind(viewModel.pendingTextProperty());
        Label lastSync = new Label();
        lastSync.setId(LAST_SYNC_ID);
        lastSync.textProperty().bind(viewModel.lastSyncTextProperty());

        Button issues = new Button();
        issues.setId(ISSUES_BUTTON_ID);
        issues.getStyleClass().add(Styles.ISSUE_BADGE);
        issues.textProperty().bind(Bindings.createStringBinding(() -> viewModel.issueCountProperty().get()
                + (viewModel.issueCountProperty().get() == 1 ? " sync issue" : " sync issues"), viewModel.issueCountProperty()));
        issues.visibleProperty().bind(viewModel.issueCountProperty().greaterThan(0));
        issues.managedProperty().bind(issues.visibleProperty());
        issues.setOnAction(e -> issuesPanel.setVisible(true));

        Button signInAgain = new Button("Sign in again");
        signInAgain.getStyleClass().add("accent");
        signInAgain.visibleProperty().bind(viewModel.signInRequiredProperty());
        signInAgain.managedProperty().bind(signInAgain.visibleProperty());
        signInAgain.setOnAction(e -> signOut.run());

        // The state, counts and badge always show whole; the error (the bar's own text, which takes
        // the room left) gives way, and its tooltip has all of it.
        for (javafx.scene.control.Control whole : java.util.List.of(connection, live, pending, lastSync, issues, signInAgain)) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        StatusBar bar = new StatusBar();
        bar.setId(STATUS_BAR_ID);
        bar.getStyleClass().add(Styles.STATUS_BAR);
        bar.textProperty().bind(viewModel.errorTextProperty());
        Tooltip errorTip = new Tooltip();
        errorTip.textProperty().bind(viewModel.errorTextProperty());
        bar.tooltipProperty().bind(Bindings.when(viewModel.errorTextProperty().isEmpty())
                .then((Tooltip) null).otherwise(errorTip));
        // The bar shows its progress bar while the value is not 0: the sync's share done, or
        // indeterminate (-1) while it cannot say.
        bar.progressProperty().bind(Bindings.createDoubleBinding(() ->
                        viewModel.connectionProperty().get() != ShellViewModel.Connection.SYNCING ? 0
                                : viewModel.syncProgressProperty().get() > 0 ? viewModel.syncProgressProperty().get() : -1,
                viewModel.connectionProperty(), viewModel.syncProgressProperty()));
        bar.getLeftItems().setAll(connection, live, pending, lastSync);
        bar.getRightItems().setAll(signInAgain, issues);
        return bar;
    }

    private void buildSearch() {
        searchField.setId(SEARCH_FIELD_ID);
        searchField.setPromptText("Search customers, leads, jobs and quotes on this computer…");
        searchField.textProperty().bindBidirectional(viewModel.searchQueryProperty());
        ListView<SearchResult> results = new ListView<>(viewModel.searchResults());
        results.setId(SEARCH_RESULTS_ID);
        results.setPrefHeight(320);
        results.setPlaceholder(new Label("Type at least two letters."));
        results.setCellFactory(list -> new ListCell<>() {
            private final Label groupHeader = new Label();
            private final Label line = new Label();
            /**
             * The kind's name in a column of its own, on the first result of each kind only: every
             * row has the same height (a heading above a row made that row taller, and the list
             * kept the taller height for whichever result later took its place).
             */
            private final HBox content = new HBox(8, groupHeader, line);

            {
                groupHeader.getStyleClass().add(Styles.SEARCH_GROUP);
                groupHeader.setMinWidth(72);
                groupHeader.setPrefWidth(72);
                content.setAlignment(Pos.BASELINE_LEFT);
                // As wide as the list, never wider: a long result is cut with "…", no sideways scrolling.
                setPrefWidth(0);
                line.setMinWidth(0);
            }

            @Override
            protected void updateItem(SearchResult item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                // The marker goes first: a long subtitle would push it out of sight.
                line.setText((navigator.canOpen(item.kind()) ? "" : "[no " + item.kind().noun() + " screen yet] ") + item);
                // Results come grouped by kind: the first of each kind carries the group's name.
                boolean firstOfKind = getIndex() == 0 || getListView().getItems().get(getIndex() - 1).kind() != item.kind();
                groupHeader.setText(firstOfKind ? item.kind().plural() : "");
                setGraphic(content);
            }
        });
        Label notice = new Label();
        notice.setId(SEARCH_NOTICE_ID);
        notice.setWrapText(true);
        notice.getStyleClass().addAll(Styles.NOTICE, Styles.NOTICE_WARNING);
        notice.textProperty().bind(viewModel.searchNoticeProperty());
        notice.visibleProperty().bind(viewModel.searchNoticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        results.setOnMouseClicked(e -> choose(results.getSelectionModel().getSelectedItem()));
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                choose(results.getSelectionModel().getSelectedItem());
            }
        });
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
                if (e.getCode() == KeyCode.ENTER) {
                    choose(results.getSelectionModel().getSelectedItem());
                }
            }
        });
        searchPanel.setId(SEARCH_PANEL_ID);
        searchPanel.getChildren().addAll(searchField, results, notice);
        searchPanel.getStyleClass().add(Styles.SEARCH_POPUP);
        searchPanel.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(searchPanel, Pos.TOP_CENTER);
        StackPane.setMargin(searchPanel, new Insets(60, 0, 0, 0));
        searchPanel.setVisible(false);
    }

    private void choose(SearchResult result) {
        // A result that cannot be opened keeps the panel open with the reason, never a silent no-op.
        if (result != null && viewModel.openSearchResult(result, navigator)) {
            searchPanel.setVisible(false);
        }
    }

    private void buildIssues() {
        Label title = new Label("Sync issues");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        Label hint = new Label("Conflicts: the server kept its value of a field you also changed. "
                + "Rejected: the server refused a change. Re-apply yours, or dismiss to keep the server's.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.FORM_HINT);
        ListView<SyncIssue> list = new ListView<>(viewModel.issues());
        list.setPlaceholder(new Label("No conflicts or rejected changes."));
        list.setCellFactory(view -> new ListCell<>() {
            /** Wraps at the list's width (a reason can be long) instead of scrolling sideways. */
            private Label wrapped(Label label) {
                label.setWrapText(true);
                label.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
                label.setMinHeight(Region.USE_PREF_SIZE);
                return label;
            }

            @Override
            protected void updateItem(SyncIssue issue, boolean empty) {
                super.updateItem(issue, empty);
                if (empty || issue == null) {
                    setGraphic(null);
                    return;
                }
                Label what = new Label(issue.title());
                what.setStyle("-fx-font-weight: bold");
                Label detail = wrapped(new Label(issue.detail()));
                Button reapply = new Button(issue instanceof SyncIssue.Conflict ? "Re-apply mine" : "Retry");
                reapply.setOnAction(e -> viewModel.reapply(issue));
                Button dismiss = new Button("Dismiss");
                dismiss.setOnAction(e -> viewModel.dismiss(issue));
                VBox cell = new VBox(4, what, detail);
                HBox actions = new HBox(8, reapply, dismiss);
                issue.technicalDetails().ifPresent(serverText -> {
                    // The server's own words stay one click away (for support), under the plain sentence.
                    Label technical = wrapped(new Label(serverText));
                    technical.getStyleClass().addAll(Styles.FORM_HINT, ISSUE_SERVER_TEXT_CLASS);
                    technical.setVisible(false);
                    technical.managedProperty().bind(technical.visibleProperty());
                    detail.setTooltip(new Tooltip(serverText));
                    ToggleButton details = new ToggleButton("Details");
                    details.getStyleClass().add(ISSUE_DETAILS_TOGGLE_CLASS);
                    technical.visibleProperty().bind(details.selectedProperty());
                    actions.getChildren().add(details);
                    cell.getChildren().add(technical);
                });
                cell.getChildren().add(actions);
                setGraphic(cell);
            }
        });
        Button close = new Button("Close");
        close.setOnAction(e -> issuesPanel.setVisible(false));
        issuesPanel.setId(ISSUES_PANEL_ID);
        issuesPanel.getChildren().addAll(title, hint, list, close);
        issuesPanel.getStyleClass().add(Styles.SEARCH_POPUP);
        issuesPanel.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(issuesPanel, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(issuesPanel, new Insets(0, 12, 40, 0));
        issuesPanel.setVisible(false);
    }

    /**
     * Bottom right, over any section: what just arrived, as a button that opens it, and a close
     * button. It stays until opened, closed, or replaced by a newer arrival (Escape belongs to the
     * section: a form's cancel must not close a notification instead).
     */
    private void buildArrival() {
        SectionArrivals arrivals = navigator.arrivals();
        Button open = new Button();
        open.setId(ARRIVAL_ID);
        open.getStyleClass().addAll(Styles.TOAST, "accent");
        open.setMaxWidth(460);
        open.setWrapText(true);
        open.setOnAction(e -> {
            var arrival = arrivals.latestProperty().get();
            arrivals.dismiss();
            if (arrival != null) {
                navigator.open(arrival.opens()).ifPresent(viewModel::reportProblem);
            }
        });
        Button close = new Button("✕");
        close.setId(ARRIVAL_CLOSE_ID);
        close.setAccessibleText("Dismiss the notification");
        close.setOnAction(e -> arrivals.dismiss());
        arrivalPanel.getChildren().addAll(open, close);
        arrivalPanel.setAlignment(Pos.CENTER);
        arrivalPanel.getStyleClass().add(Styles.SEARCH_POPUP);
        arrivalPanel.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        // Bottom right, above the status bar: clear of the sections' own controls on the left and of a
        // compose box's Send button.
        StackPane.setAlignment(arrivalPanel, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(arrivalPanel, new Insets(0, 16, 40, 0));
        arrivalPanel.setVisible(false);
        arrivals.latestProperty().addListener((o, before, now) -> {
            open.setText(now == null ? "" : now.text());
            arrivalPanel.setVisible(now != null);
        });
    }

    // ---- wire ----

    private void wire() {
        // The profile's role decides the sections; an unknown role (null) changes nothing.
        viewModel.roleProperty().addListener((o, before, role) -> {
            if (role != null) {
                navigator.roleChanged(role);
            }
        });
        navigator.visibleFeatures().addListener((ListChangeListener<Feature>) change -> showNavigation());
        navigator.currentProperty().addListener((o, before, now) -> showCurrentSection());
        showNavigation();
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (SEARCH_SHORTCUT.match(event)) {
                openSearch();
                event.consume();
            } else if (BACK_SHORTCUT.match(event)) {
                navigator.back();
                event.consume();
            } else if (FORWARD_SHORTCUT.match(event)) {
                navigator.forward();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE && (searchPanel.isVisible() || issuesPanel.isVisible())) {
                searchPanel.setVisible(false);
                issuesPanel.setVisible(false);
                event.consume();
            }
        });
    }

    private static void styleConnection(Label label, ShellViewModel.Connection state) {
        label.getStyleClass().removeAll(Styles.STATUS_ONLINE, Styles.STATUS_OFFLINE, Styles.STATUS_SYNCING);
        switch (state) {
            case ONLINE -> {
                label.getStyleClass().add(Styles.STATUS_ONLINE);
                label.setGraphic(new FontIcon(Material2AL.CLOUD_DONE));
            }
            case SYNCING -> {
                label.getStyleClass().add(Styles.STATUS_SYNCING);
                label.setGraphic(new FontIcon(Material2MZ.SYNC));
            }
            case OFFLINE -> {
                label.getStyleClass().add(Styles.STATUS_OFFLINE);
                label.setGraphic(new FontIcon(Material2AL.CLOUD_OFF));
            }
        }
    }

    private static String join(String name, String role, String company) {
        StringBuilder text = new StringBuilder(name);
        if (!role.isBlank()) {
            text.append(" · ").append(role);
        }
        if (!company.isBlank()) {
            text.append(" · ").append(company);
        }
        return text.toString();
    }
}
