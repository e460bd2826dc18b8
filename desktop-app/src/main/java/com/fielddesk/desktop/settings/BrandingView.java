package com.fielddesk.desktop.settings;

import com.fielddesk.desktop.ui.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.Locale;

/**
 * Settings → Invoice branding: the fields in a column, each with its problem beside it, Save and
 * Revert, and beside them a preview of an invoice PDF with the values being edited. Read-only, with
 * the reason, for anyone but an admin. Keys: Alt+L legal name, Alt+D
 * address, Alt+C colour, Alt+F footer, Alt+T terms, Alt+P prefix, Ctrl+S or Alt+S save, Alt+V revert.
 */
final class BrandingView {

    /** The invoice preview's width on screen. */
    private static final double PREVIEW_WIDTH = 420;

    private final BrandingViewModel model;
    private final ImageFileChooser files;
    private final VBox root = new VBox(14);
    private final GridPane grid = new GridPane();
    private int row;

    BrandingView(BrandingViewModel model, ImageFileChooser files) {
        this.model = model;
        this.files = files;
        root.setId("settings-branding");
        root.setPadding(new Insets(16));
        grid.setHgap(12);
        grid.setVgap(4);
        fields();
        grid.disableProperty().bind(model.page().mayChangeProperty().not());
        VBox form = new VBox(14, logo(), grid,
                SettingsParts.saveAndRevert("settings-branding", model.page(), model::save, model::revert));
        HBox formAndPreview = new HBox(24, form, preview());
        root.getChildren().addAll(SettingsParts.title("Invoice branding"),
                SettingsParts.readOnlyReason("settings-branding-read-only", model.page()), formAndPreview);
        SettingsParts.savesWithShortcut(root, model.page(), model::save);
    }

    Node node() {
        return root;
    }

    /** Page 1 of a sample invoice printed with the values being edited, redrawn when they change. */
    private Node preview() {
        javafx.scene.image.ImageView page = new javafx.scene.image.ImageView();
        page.setId("settings-branding-preview");
        page.setFitWidth(PREVIEW_WIDTH);
        page.setPreserveRatio(true);
        page.setSmooth(true);
        model.preview().drawnProperty().addListener((o, before, now) -> {
            if (now != null) {
                javafx.scene.image.WritableImage image = new javafx.scene.image.WritableImage(now.width(), now.height());
                image.getPixelWriter().setPixels(0, 0, now.width(), now.height(),
                        javafx.scene.image.PixelFormat.getIntArgbInstance(), now.argb(), 0, now.width());
                page.setImage(image);
                page.setUserData(now);
                page.setAccessibleText("Preview of a sample invoice for " + now.branding().legalName());
            }
        });
        javafx.scene.layout.StackPane paper = new javafx.scene.layout.StackPane(page);
        paper.getStyleClass().add(Styles.PAPER);
        paper.setMinWidth(PREVIEW_WIDTH + 2);
        paper.setMaxWidth(PREVIEW_WIDTH + 2);
        Label status = new Label();
        status.setId("settings-branding-preview-status");
        status.setWrapText(true);
        status.setMaxWidth(PREVIEW_WIDTH);
        status.getStyleClass().add(Styles.FORM_HINT);
        status.textProperty().bind(model.preview().statusProperty());
        Label hint = new Label("A sample invoice with these values, as the invoice PDF prints it.");
        hint.setWrapText(true);
        hint.setMaxWidth(PREVIEW_WIDTH);
        hint.getStyleClass().add(Styles.FORM_HINT);
        return new VBox(6, SettingsParts.heading("Preview"), hint, status, paper);
    }

    private Node logo() {
        javafx.scene.image.ImageView preview = new javafx.scene.image.ImageView();
        preview.setId("settings-branding-logo");
        preview.setFitWidth(240);
        preview.setFitHeight(80);
        preview.setPreserveRatio(true);
        model.logoProperty().addListener((o, before, now) -> preview.setImage(now == null ? null
                : new javafx.scene.image.Image(new java.io.ByteArrayInputStream(now))));
        javafx.scene.layout.StackPane frame = new javafx.scene.layout.StackPane(preview);
        frame.setMinSize(260, 96);
        frame.setMaxSize(260, 96);
        frame.getStyleClass().add(Styles.PAPER);
        Button upload = new Button("_Upload logo…");
        upload.setId("settings-branding-upload");
        upload.setMnemonicParsing(true);
        upload.disableProperty().bind(model.page().mayChangeProperty().not().or(model.uploadingProperty()));
        upload.setOnAction(e -> files.ask(root.getScene().getWindow(), "Choose the invoice logo (PNG or JPEG, at most 512 KB)")
                .ifPresent(model::uploadLogo));
        Label status = new Label();
        status.setId("settings-branding-logo-status");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.FORM_HINT);
        status.textProperty().bind(model.logoStatusProperty());
        Label hint = new Label("PNG or JPEG, at most 512 KB.");
        hint.getStyleClass().add(Styles.FORM_HINT);
        VBox side = new VBox(6, upload, hint, status);
        HBox row = new HBox(12, frame, side);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(6, SettingsParts.heading("Logo"), row);
    }

    private void fields() {
        TextField legalName = new TextField();
        legalName.setId("settings-branding-legal-name");
        legalName.textProperty().bindBidirectional(model.legalNameProperty());
        add("_Legal name", legalName, "legalName");

        TextArea address = new TextArea();
        address.setId("settings-branding-address");
        address.setPrefRowCount(3);
        address.setWrapText(true);
        address.textProperty().bindBidirectional(model.addressProperty());
        add("A_ddress", address, "address");

        ColorPicker accent = new ColorPicker();
        accent.setId("settings-branding-accent");
        accent.setValue(colour(model.accentColorProperty().get()));
        model.accentColorProperty().addListener((o, before, now) -> {
            Color shown = colour(now);
            if (!shown.equals(accent.getValue())) {
                accent.setValue(shown);
            }
        });
        accent.valueProperty().addListener((o, before, now) -> model.accentColorProperty().set(hex(now)));
        add("Accent _colour", accent, "accentColor");

        TextArea footer = new TextArea();
        footer.setId("settings-branding-footer");
        footer.setPrefRowCount(2);
        footer.setWrapText(true);
        footer.textProperty().bindBidirectional(model.footerProperty());
        add("_Footer", footer, "footer");

        Spinner<Integer> terms = new Spinner<>();
        terms.setId("settings-branding-terms");
        terms.setEditable(true);
        terms.setPrefWidth(100);
        SpinnerValueFactory.IntegerSpinnerValueFactory days = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 365,
                model.paymentTermsDaysProperty().get());
        terms.setValueFactory(days);
        days.valueProperty().bindBidirectional(model.paymentTermsDaysProperty());
        add("Payment _terms (days)", terms, "paymentTermsDays");

        TextField prefix = new TextField();
        prefix.setId("settings-branding-prefix");
        prefix.setPrefColumnCount(8);
        prefix.setMaxWidth(160);
        prefix.textProperty().bindBidirectional(model.invoicePrefixProperty());
        add("Invoice _prefix", prefix, "invoicePrefix");
    }

    private void add(String name, Control field, String problemOf) {
        Label label = new Label(name);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.setMinWidth(Control.USE_PREF_SIZE);
        field.setMaxWidth(520);
        Label problem = SettingsParts.problem("settings-branding-problem-" + problemOf, model.problemProperty(problemOf));
        grid.addRow(row++, label, field);
        grid.add(problem, 1, row++);
    }

    private static Color colour(String hex) {
        try {
            return Color.web(hex == null ? BrandingViewModel.DEFAULT_ACCENT : hex);
        } catch (IllegalArgumentException notAColour) {
            return Color.web(BrandingViewModel.DEFAULT_ACCENT);
        }
    }

    static String hex(Color colour) {
        return String.format(Locale.ROOT, "#%02X%02X%02X", Math.round(colour.getRed() * 255),
                Math.round(colour.getGreen() * 255), Math.round(colour.getBlue() * 255));
    }
}
