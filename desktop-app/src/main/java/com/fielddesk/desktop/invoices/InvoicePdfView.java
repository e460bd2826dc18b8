package com.fielddesk.desktop.invoices;

import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.desktop.ui.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The PDF pane: a toolbar (previous/next page, zoom out/in, fit width, Save as…, Print…) over the
 * drawn page in a scroll pane. Keys: Page Up/Down, Ctrl+plus/minus, Ctrl+0 (fit width), Ctrl+S,
 * Ctrl+P.
 */
final class InvoicePdfView {

    private final InvoicePdfViewModel model;
    private final BorderPane root = new BorderPane();
    private final ImageView image = new ImageView();
    private final ScrollPane scroll = new ScrollPane();
    private Runnable saveAs = () -> { };

    InvoicePdfView(InvoicePdfViewModel model) {
        this.model = model;
        build();
        wire();
    }

    private final Button previous = new Button("_Previous");
    private final Button next = new Button("_Next");
    private final Label pageText = new Label();
    private final Button zoomOut = new Button("Zoom _out");
    private final Button zoomIn = new Button("Zoom _in");
    private final Label zoomText = new Label();
    private final Button fit = new Button("_Fit width");
    private final Button save = new Button("_Save as…");
    private final Button print = new Button("P_rint…");
    private final Label notice = new Label();
    private final Label loading = new Label("Making the PDF…");

    private void build() {
        root.setId("invoice-pdf");
        previous.setId("invoice-pdf-previous");
        next.setId("invoice-pdf-next");
        pageText.setId("invoice-pdf-page");
        zoomOut.setId("invoice-pdf-zoom-out");
        zoomIn.setId("invoice-pdf-zoom-in");
        zoomText.setId("invoice-pdf-zoom");
        fit.setId("invoice-pdf-fit");
        save.setId("invoice-pdf-save");
        print.setId("invoice-pdf-print");
        image.setId("invoice-pdf-image");
        notice.setId("invoice-pdf-notice");
        notice.setWrapText(true);
        notice.getStyleClass().add(Styles.NOTICE);
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setVisible(false);
        HBox pages = new HBox(6, previous, next, pageText);
        pages.setAlignment(Pos.CENTER_LEFT);
        HBox zoom = new HBox(6, zoomOut, zoomText, zoomIn, fit);
        zoom.setAlignment(Pos.CENTER_LEFT);
        HBox output = new HBox(6, save, print);
        FlowPane toolbar = new FlowPane(18, 6, pages, zoom, output);
        toolbar.setPadding(new Insets(6));
        for (Button button : new Button[] {previous, next, zoomOut, zoomIn, fit, save, print}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        pageText.setMinWidth(Region.USE_PREF_SIZE);
        zoomText.setMinWidth(Region.USE_PREF_SIZE);
        StackPane page = new StackPane(image, loading);
        page.setPadding(new Insets(12));
        scroll.setContent(page);
        scroll.setId("invoice-pdf-scroll");
        scroll.setFitToWidth(true);
        scroll.setPannable(true);
        // A page is taller than the window: with the vertical bar there from the start, the width
        // fit width measures does not shrink when the first page appears (which drew the page again,
        // and showed a horizontal bar until it was).
        scroll.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.ALWAYS);
        root.setTop(new VBox(4, toolbar, notice));
        root.setCenter(scroll);
    }

    private void wire() {
        pageText.textProperty().bind(model.pageTextProperty());
        zoomText.textProperty().bind(model.zoomTextProperty());
        loading.visibleProperty().bind(model.busyProperty().and(model.openProperty().not()));
        previous.disableProperty().bind(model.pageIndexProperty().lessThanOrEqualTo(0));
        next.disableProperty().bind(model.pageIndexProperty().greaterThanOrEqualTo(model.pageCountProperty().subtract(1)));
        var closed = model.openProperty().not();
        for (Button button : new Button[] {zoomOut, zoomIn, fit}) {
            button.disableProperty().bind(closed);
        }
        save.disableProperty().bind(closed.or(model.busyProperty()));
        print.disableProperty().bind(closed.or(model.busyProperty()));
        previous.setOnAction(e -> model.previousPage());
        next.setOnAction(e -> model.nextPage());
        zoomOut.setOnAction(e -> model.zoomOut());
        zoomIn.setOnAction(e -> model.zoomIn());
        fit.setOnAction(e -> model.fitWidth());
        save.setOnAction(e -> saveAs.run());
        print.setOnAction(e -> model.print());
        model.pageProperty().addListener((o, before, now) -> showPage(now));
        model.noticeProperty().addListener((o, before, now) -> showNotice(now));
        scroll.viewportBoundsProperty().addListener((o, before, now) -> model.availableWidth(now.getWidth()));
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    }

    private static final KeyCombination ZOOM_IN = new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ZOOM_IN_EQUALS = new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ZOOM_OUT = new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIT = new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PRINT = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);

    private void keys(KeyEvent event) {
        if (event.getCode() == KeyCode.PAGE_DOWN) {
            model.nextPage();
        } else if (event.getCode() == KeyCode.PAGE_UP) {
            model.previousPage();
        } else if (ZOOM_IN.match(event) || ZOOM_IN_EQUALS.match(event)) {
            model.zoomIn();
        } else if (ZOOM_OUT.match(event)) {
            model.zoomOut();
        } else if (FIT.match(event)) {
            model.fitWidth();
        } else if (SAVE.match(event) && !save.isDisabled()) {
            saveAs.run();
        } else if (PRINT.match(event) && !print.isDisabled()) {
            model.print();
        } else {
            return;
        }
        event.consume();
    }

    private void showPage(InvoicePdfViewModel.RenderedPage drawn) {
        if (drawn == null) {
            image.setImage(null);
            return;
        }
        WritableImage pixels = new WritableImage(drawn.width(), drawn.height());
        pixels.getPixelWriter().setPixels(0, 0, drawn.width(), drawn.height(), PixelFormat.getIntArgbInstance(),
                drawn.argb(), 0, drawn.width());
        image.setImage(pixels);
        scroll.setVvalue(0);
    }

    private void showNotice(Notice now) {
        notice.setVisible(now != null);
        notice.setText(now == null ? "" : now.sentence());
        notice.getStyleClass().remove(Styles.NOTICE_WARNING);
        if (now != null && now.isProblem()) {
            notice.getStyleClass().add(Styles.NOTICE_WARNING);
        }
    }

    void onSaveAs(Runnable ask) {
        this.saveAs = ask;
    }

    Node node() {
        return root;
    }

    void focus() {
        scroll.requestFocus();
    }
}
