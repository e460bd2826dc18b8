package com.fielddesk.desktop.audit;

import com.fielddesk.desktop.ui.SaveFileChooser;
import com.fielddesk.desktop.ui.Columns;
import com.fielddesk.desktop.ui.DayConverter;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.desktop.ui.Styles;
import com.fielddesk.domain.audit.AuditAction;
import com.fielddesk.domain.audit.AuditEntry;
import com.fielddesk.domain.audit.AuditRecordType;
import com.fielddesk.domain.audit.AuditRepository;
import com.fielddesk.domain.audit.FieldChange;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.util.function.Function;

/**
 * The audit log: filters on top (days, person, action, record type, one record's history), the
 * entries newest first with "Load older" under them, and the selected entry's changes field by
 * field below; Verify and Export CSV in the toolbar, each with its progress and result.
 * Under the list: the range of entries kept on this computer for offline review.
 * Keys: Alt+V verify, Alt+E export, Alt+O load older, Alt+H the selected record's history,
 * Ctrl+R reload.
 */
final class AuditView {

    private final AuditViewModel model;
    private final Formats formats;
    private final SplitPane root = new SplitPane();
    private final TableView<AuditEntry> table = new TableView<>();
    private final SaveFileChooser files;

    AuditView(AuditViewModel model, SaveFileChooser files) {
        this.model = model;
        this.files = files;
        this.formats = model.formats();
        root.setId("audit");
        root.getItems().addAll(listPane(), detailPane());
        // The log and the entry's changes both need the width (long names, old → new values): one above the other.
        root.setOrientation(javafx.geometry.Orientation.VERTICAL);
        root.setDividerPositions(0.62);
        root.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN).match(e)) {
                model.reload();
                e.consume();
            }
        });
    }

    Node node() {
        return root;
    }

    void focusList() {
        table.requestFocus();
    }

    private Node listPane() {
        VBox pane = new VBox(8, filters(), actions(), list());
        pane.setPadding(new Insets(12));
        return pane;
    }

    private Node filters() {
        DatePicker from = new DatePicker();
        from.setId("audit-from");
        from.setPromptText("From day");
        from.valueProperty().bindBidirectional(model.fromDayProperty());
        DatePicker to = new DatePicker();
        to.setId("audit-to");
        to.setPromptText("To day");
        to.valueProperty().bindBidirectional(model.toDayProperty());
        for (DatePicker day : new DatePicker[]{from, to}) {
            day.setPrefWidth(140);
            day.setConverter(DayConverter.of());
        }
        Label fromLabel = new Label("_From");
        fromLabel.setMnemonicParsing(true);
        fromLabel.setLabelFor(from);
        Label toLabel = new Label("_to");
        toLabel.setMnemonicParsing(true);
        toLabel.setLabelFor(to);

        ComboBox<AuditRepository.Person> person = choice("audit-person", "Everyone", AuditRepository.Person::name);
        person.getItems().add(null);
        model.people().addListener((javafx.collections.ListChangeListener<AuditRepository.Person>) change -> {
            AuditRepository.Person chosen = person.getValue();
            person.getItems().setAll(model.people());
            person.getItems().add(0, null);
            person.setValue(chosen);
        });
        person.valueProperty().bindBidirectional(model.personProperty());
        ComboBox<AuditAction> action = choice("audit-action", "Every action", AuditAction::label);
        action.getItems().add(null);
        action.getItems().addAll(AuditAction.values());
        action.valueProperty().bindBidirectional(model.actionProperty());
        ComboBox<AuditRecordType> type = choice("audit-record-type", "Every record type", AuditRecordType::label);
        type.getItems().add(null);
        type.getItems().addAll(AuditRecordType.values());
        type.valueProperty().bindBidirectional(model.recordTypeProperty());
        type.disableProperty().bind(model.recordProperty().isNotNull());

        Label record = new Label();
        record.setId("audit-record");
        record.textProperty().bind(Bindings.createStringBinding(() -> model.recordProperty().get() == null ? ""
                : "History of " + model.recordProperty().get().name(), model.recordProperty()));
        Button allRecords = new Button("All records");
        allRecords.setId("audit-all-records");
        allRecords.setOnAction(e -> model.clearRecord());
        HBox oneRecord = new HBox(6, record, allRecords);
        oneRecord.setAlignment(Pos.CENTER_LEFT);
        oneRecord.visibleProperty().bind(model.recordProperty().isNotNull());
        oneRecord.managedProperty().bind(oneRecord.visibleProperty());

        TextField text = new TextField();
        text.setId("audit-text");
        text.setPromptText("Text in the values");
        text.setPrefColumnCount(16);
        text.setTextFormatter(new TextFormatter<String>(change -> change.getControlNewText().length() <= AuditViewModel.MAX_TEXT
                ? change : null));
        text.textProperty().bindBidirectional(model.textProperty());
        text.setOnAction(e -> model.reload());
        Label textLabel = new Label("Te_xt in values");
        textLabel.setMnemonicParsing(true);
        textLabel.setLabelFor(text);

        Button clear = new Button("Clear filters");
        clear.setId("audit-clear-filters");
        clear.setOnAction(e -> model.clearFilters());

        // A label wraps with its field, never onto the line before it.
        HBox fromTo = new HBox(6, fromLabel, from, toLabel, to);
        fromTo.setAlignment(Pos.CENTER_LEFT);
        HBox freeText = new HBox(6, textLabel, text);
        freeText.setAlignment(Pos.CENTER_LEFT);
        FlowPane bar = new FlowPane(8, 6, fromTo, person, action, type, freeText, clear, oneRecord);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private <T> ComboBox<T> choice(String id, String everything, Function<T, String> words) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? everything : words.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        return box;
    }

    private Node actions() {
        Button verify = new Button("_Verify");
        verify.setId("audit-verify");
        verify.setMnemonicParsing(true);
        verify.disableProperty().bind(model.verifyCommand().canRunBinding().not());
        verify.setOnAction(e -> model.verify());
        ProgressIndicator verifying = new ProgressIndicator();
        verifying.setId("audit-verifying");
        verifying.setPrefSize(18, 18);
        verifying.visibleProperty().bind(model.verifyCommand().busyProperty());
        verifying.managedProperty().bind(verifying.visibleProperty());
        Label verifyResult = new Label();
        verifyResult.setId("audit-verify-result");
        verifyResult.setWrapText(true);
        verifyResult.getStyleClass().add(Styles.NOTICE);
        verifyResult.textProperty().bind(Bindings.createStringBinding(() -> model.verifyCommand().busyProperty().get()
                ? "Checking the chain on the server and against what this computer saw…"
                : noticeText(model.verifyCommand().noticeProperty().get()),
                model.verifyCommand().busyProperty(), model.verifyCommand().noticeProperty()));
        model.verifyCommand().noticeProperty().addListener((o, before, now) -> warn(verifyResult, now));
        shownWhenItSaysSomething(verifyResult);

        Button export = new Button("_Export CSV…");
        export.setId("audit-export");
        export.setMnemonicParsing(true);
        export.disableProperty().bind(model.exportingProperty());
        export.setOnAction(e -> chooseFileAndExport());
        ProgressIndicator exporting = new ProgressIndicator();
        exporting.setId("audit-exporting");
        exporting.setPrefSize(18, 18);
        Label progress = new Label();
        progress.setId("audit-export-progress");
        progress.textProperty().bind(model.exportProgressProperty());
        Button cancel = new Button("_Cancel export");
        cancel.setId("audit-export-cancel");
        cancel.setMnemonicParsing(true);
        cancel.setOnAction(e -> model.cancelExport());
        HBox running = new HBox(6, exporting, progress, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(model.exportingProperty());
        running.managedProperty().bind(running.visibleProperty());
        Label exported = new Label();
        exported.setId("audit-export-notice");
        exported.setWrapText(true);
        exported.getStyleClass().add(Styles.NOTICE);
        exported.textProperty().bind(Bindings.createStringBinding(() -> noticeText(model.exportNoticeProperty().get()),
                model.exportNoticeProperty()));
        model.exportNoticeProperty().addListener((o, before, now) -> warn(exported, now));
        shownWhenItSaysSomething(exported);

        HBox toolbar = new HBox(8, verify, verifying, export, running);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, toolbar, verifyResult, exported);
    }

    private void chooseFileAndExport() {
        files.ask(root.getScene().getWindow(), "Export the audit log as CSV",
                "audit-log-" + LocalDate.now(formats.zone()) + ".csv").ifPresent(model::export);
    }

    private Node list() {
        table.setId("audit-table");
        table.setItems(model.entries());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // The time and the action ("Signed out") keep their width; names, records and changes give way.
        table.getColumns().add(Columns.keepsWidth(Columns.dateTime("time", "Time", formats, AuditEntry::occurredAt), 165));
        table.getColumns().add(Columns.givesWay(Columns.text("person", "Person", model::personText), 200));
        table.getColumns().add(Columns.keepsWidth(Columns.text("action", "Action", entry -> AuditAction.labelOf(entry.action())), 104));
        table.getColumns().add(Columns.givesWay(Columns.text("record", "Record", model::recordText), 280));
        table.getColumns().add(Columns.givesWay(Columns.text("changes", "What changed", model::summaryText), 400));
        table.getColumns().forEach(column -> column.setSortable(false));
        table.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((o, before, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            }
        });
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(model.statusProperty());
        table.setPlaceholder(placeholder);
        VBox.setVgrow(table, Priority.ALWAYS);

        ProgressIndicator loading = new ProgressIndicator();
        loading.setId("audit-loading");
        loading.setPrefSize(18, 18);
        loading.visibleProperty().bind(model.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        Label status = new Label();
        status.setId("audit-status");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.FORM_HINT);
        status.textProperty().bind(model.statusProperty());
        model.problemProperty().addListener((o, before, now) -> {
            status.getStyleClass().remove(Styles.NOTICE_WARNING);
            if (now) {
                status.getStyleClass().add(Styles.NOTICE_WARNING);
            }
        });
        Button older = new Button("Load _older");
        older.setId("audit-load-older");
        older.setMnemonicParsing(true);
        older.disableProperty().bind(model.hasOlderProperty().not().or(model.loadingProperty()));
        older.setOnAction(e -> model.loadOlder());
        Label zone = new Label("Times are in " + formats.zoneName() + ".");
        zone.getStyleClass().add(Styles.FORM_HINT);
        Label offline = new Label();
        offline.setId("audit-offline-range");
        offline.getStyleClass().add(Styles.FORM_HINT);
        offline.textProperty().bind(Bindings.createStringBinding(() -> model.offlineRangeProperty().get().isEmpty() ? ""
                : model.offlineRangeProperty().get() + " (kept on this computer for when the server cannot be reached).",
                model.offlineRangeProperty()));
        shownWhenItSaysSomething(offline);
        HBox hints = new HBox(16, zone, offline);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox footer = new HBox(8, loading, status, older);
        footer.setAlignment(Pos.CENTER_LEFT);
        VBox list = new VBox(6, table, footer, hints);
        VBox.setVgrow(list, Priority.ALWAYS);
        return list;
    }

    private Node detailPane() {
        Label title = new Label("Select an entry to see what changed.");
        title.setId("audit-entry-title");
        title.getStyleClass().add(Styles.DETAIL_TITLE);
        title.setWrapText(true);
        title.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? "Select an entry to see what changed." : model.selectedTitleProperty().get(),
                model.selectedProperty(), model.selectedTitleProperty()));

        TableView<FieldChange> diff = new TableView<>(model.changes());
        diff.setId("audit-diff");
        diff.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        diff.getColumns().add(Columns.text("field", "Field", FieldChange::label));
        diff.getColumns().add(Columns.textAsWritten("before", "Before", model::beforeText));
        diff.getColumns().add(Columns.textAsWritten("after", "After", model::afterText));
        diff.getColumns().get(0).setPrefWidth(200);
        diff.getColumns().get(1).setPrefWidth(400);
        diff.getColumns().get(2).setPrefWidth(400);
        diff.setPlaceholder(new Label("No field changed in this entry."));
        VBox.setVgrow(diff, Priority.ALWAYS);

        Button history = new Button("_History of this record");
        history.setId("audit-history");
        history.setMnemonicParsing(true);
        history.disableProperty().bind(Bindings.createBooleanBinding(() -> model.selectedProperty().get() == null
                || model.selectedProperty().get().recordId().isEmpty(), model.selectedProperty()));
        history.setOnAction(e -> {
            AuditEntry entry = model.selectedProperty().get();
            if (entry != null) {
                model.showHistoryOf(entry);
            }
        });

        history.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox heading = new HBox(12, title, history);
        heading.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        VBox detail = new VBox(8, heading, diff);
        detail.setId("audit-detail");
        detail.getStyleClass().add(Styles.DETAIL_PANE);
        detail.setPadding(new Insets(12));
        return detail;
    }

    private static void shownWhenItSaysSomething(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static String noticeText(Notice notice) {
        return notice == null ? "" : notice.sentence();
    }

    private static void warn(Label label, Notice notice) {
        label.getStyleClass().remove(Styles.NOTICE_WARNING);
        if (notice != null && notice.isProblem()) {
            label.getStyleClass().add(Styles.NOTICE_WARNING);
        }
    }
}
