package com.fielddesk.desktop.app;

import com.fielddesk.desktop.ui.ViewSettings;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Restores the window where the user left it (if that place is still on a screen) and remembers it. */
final class WindowGeometry {
    private WindowGeometry() {
    }

    static void remember(Stage stage, ViewSettings settings) {
        double x = settings.getDouble("window.x", Double.NaN);
        double y = settings.getDouble("window.y", Double.NaN);
        double width = settings.getDouble("window.width", 1280);
        double height = settings.getDouble("window.height", 800);
        stage.setWidth(Math.max(900, width));
        stage.setHeight(Math.max(600, height));
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(settings.get("window.maximized").map(Boolean::parseBoolean).orElse(false));
        stage.xProperty().addListener((o, a, b) -> store(stage, settings));
        stage.yProperty().addListener((o, a, b) -> store(stage, settings));
        stage.widthProperty().addListener((o, a, b) -> store(stage, settings));
        stage.heightProperty().addListener((o, a, b) -> store(stage, settings));
        stage.maximizedProperty().addListener((o, a, b) -> settings.put("window.maximized", b.toString()));
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
