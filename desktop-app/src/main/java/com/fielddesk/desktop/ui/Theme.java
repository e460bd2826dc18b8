package com.fielddesk.desktop.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import org.controlsfx.control.PopOver;

/**
 * The theme layer: an AtlantaFX base theme for the application, FieldDesk's own stylesheet, and
 * the bridge that restyles ControlsFX controls with AtlantaFX's colours (both follow the theme's
 * looked-up {@code -color-*} values, so light and dark switch together).
 */
public enum Theme {
    LIGHT, DARK;

    private static final String FIELDDESK_CSS =
            Theme.class.getResource("/com/fielddesk/desktop/ui/fielddesk.css").toExternalForm();
    private static final String CONTROLSFX_BRIDGE_CSS =
            Theme.class.getResource("/com/fielddesk/desktop/ui/controlsfx-bridge.css").toExternalForm();
    private static final String DARK_CLASS = "fd-dark";

    public void applyToApplication() {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public void applyTo(Scene scene) {
        if (!scene.getStylesheets().contains(FIELDDESK_CSS)) {
            // The bridge first: FieldDesk's own rules (e.g. the status bar's layout) refine it.
            scene.getStylesheets().addAll(CONTROLSFX_BRIDGE_CSS, FIELDDESK_CSS);
        }
        if (scene.getRoot() != null) {
            scene.getRoot().getStyleClass().remove(DARK_CLASS);
            if (this == DARK) {
                scene.getRoot().getStyleClass().add(DARK_CLASS);
            }
        }
    }

    /**
     * A PopOver is a window of its own, and ControlsFX puts its popover.css on the pop-over's root,
     * where a scene's stylesheets do not reach: FieldDesk's sheets go there too, after it, so the
     * bridge's colours win (the theme's -color-* come from the application-wide AtlantaFX sheet).
     */
    public static void applyTo(PopOver popOver) {
        popOver.getRoot().getStylesheets().removeAll(CONTROLSFX_BRIDGE_CSS, FIELDDESK_CSS);
        popOver.getRoot().getStylesheets().addAll(CONTROLSFX_BRIDGE_CSS, FIELDDESK_CSS);
    }

    public Theme toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }

    public static Theme parse(String value) {
        return "DARK".equalsIgnoreCase(value) ? DARK : LIGHT;
    }
}
