package com.fielddesk.desktop.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import com.fielddesk.desktop.ui.FirstFrameProbe;

/** The JavaFX application: builds the services once and opens the console window. */
public final class FieldDeskApp extends Application {

    private Services services;

    @Override
    public void start(Stage stage) {
        services = Services.forDesktop(Platform::runLater);
        ConsoleWindow window = new ConsoleWindow(stage, services);
        window.showSignIn(null, true);
        stage.show();
        FirstFrameProbe.attach(window.scene());
    }

    @Override
    public void stop() {
        if (services != null) {
            services.close();
        }
    }
}
