package com.fielddesk.desktop.app;

import com.fielddesk.desktop.ui.ViewSettings;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Restores the window where the user left it and remembers it — always whole on a screen: a
 * size kept from a larger monitor (or the 1280×800 of a first start on a 1366×768 laptop, whose
 * status bar would sit below the taskbar) is shrunk to the screen's usable area and moved inside it.
 */
final class WindowGeometry {

    /** The window's smallest useful size; a screen smaller than that gets the whole screen. */
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 600;

    private WindowGeometry() {
    }

    static void remember(Stage stage, ViewSettings settings) {
        double x = settings.getDouble("window.x", Double.NaN);
        double y = settings.getDouble("window.y", Double.NaN);
        double width = settings.getDouble("window.width", 1280);
        double height = settings.getDouble("window.height", 800);
        java.util.List<Screen> under = Double.isNaN(x) || Double.isNaN(y) ? java.util.List.of()
                : Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100));
        // A place no screen shows any more (a monitor unplugged) is forgotten: centred on the primary one.
        Screen screen = under.isEmpty() ? Screen.getPrimary() : under.get(0);
        Rectangle2D bounds = under.isEmpty() ? fitted(Double.NaN, Double.NaN, width, height, screen.getVisualBounds())
                : fitted(x, y, width, height, screen.getVisualBounds());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setMaximized(settings.get("window.maximized").map(Boolean::parseBoolean).orElse(false));
        stage.xProperty().addListener((o, a, b) -> store(stage, settings));
        stage.yProperty().addListener((o, a, b) -> store(stage, settings));
        stage.widthProperty().addListener((o, a, b) -> store(stage, settings));
        stage.heightProperty().addListener((o, a, b) -> store(stage, settings));
        stage.maximizedProperty().addListener((o, a, b) -> settings.put("window.maximized", b.toString()));
    }

    /**
     * The window's place on a screen whose usable area is {@code screen}: the size asked for (at
     * least the minimum), no larger than the area; at {@code x, y} moved inside the area, or centred
     * in it when there is no place yet (NaN).
     */
    static Rectangle2D fitted(double x, double y, double width, double height, Rectangle2D screen) {
        double fittedWidth = Math.min(Math.max(MIN_WIDTH, width), screen.getWidth());
        double fittedHeight = Math.min(Math.max(MIN_HEIGHT, height), screen.getHeight());
        double left = Double.isNaN(x) ? screen.getMinX() + (screen.getWidth() - fittedWidth) / 2
                : Math.min(Math.max(x, screen.getMinX()), screen.getMaxX() - fittedWidth);
        double top = Double.isNaN(y) ? screen.getMinY() + (screen.getHeight() - fittedHeight) / 2
                : Math.min(Math.max(y, screen.getMinY()), screen.getMaxY() - fittedHeight);
        return new Rectangle2D(left, top, fittedWidth, fittedHeight);
    }

    private static void store(Stage stage, ViewSettings settings) {
        if (stage.isMaximized()) {
            return;
        }
        settings.put("window.x", Double.toString(stage.getX()));
        settings.put("window.y", Double.toString(stage.getY()));
        settings.put("window.width", Double.toString(stage.getWidth()));
        settings.put("window.height", Double.toString(stage.getHeight()));
    }
}
