package com.fielddesk.desktop.bench;

import com.fielddesk.desktop.ui.FirstFrameProbe;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The baseline of the cold-start benchmark: the smallest JavaFX window, timed the same way. */
public final class BareWindow extends Application {

    /** Plain main outside the Application class, like the console's Launcher. */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            launch(BareWindow.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("Hello")), 1280, 800);
        stage.setScene(scene);
        stage.show();
        FirstFrameProbe.attach(scene);
    }
}
