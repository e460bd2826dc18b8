package com.fielddesk.desktop.app;

import javafx.application.Application;
import javafx.stage.Stage;

public final class FieldDeskApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.show();
    }
}
