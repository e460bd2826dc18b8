package com.fielddesk.desktop.dispatch;

import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.OwnedDialogs;
import com.fielddesk.desktop.ui.Styles;
import com.fielddesk.domain.jobs.Technician;
import com.fielddesk.domain.jobs.WorkOrderSummary;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * "Schedule…": the keyboard's way to put a job in a lane — a technician and a start time on the
 * shown day (the job keeps its window's length). Schedule stays disabled until the time reads as
 * a time of day.
 */
final class ScheduleDialog {

    /** A technician and a start time on the shown day. */
    record Choice(Technician technician, LocalTime start) {
        int minuteOf(DayPlan plan) {
            return DayPlan.minuteOf(plan.dayStart(), plan.day().atTime(start).atZone(plan.zone()).toInstant());
        }
    }

    private ScheduleDialog() {
    }

    static Optional<Choice> ask(Window owner, WorkOrderSummary job, List<Technician> technicians, Formats formats) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Schedule " + job.describe());
        dialog.getDialogPane().setId("schedule-dialog");
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            dialog.getDialogPane().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        ComboBox<Technician> technician = new ComboBox<>();
        technician.setId("schedule-technician");
        technician.getItems().setAll(technicians);
        technician.setConverter(new StringConverter<>() {
            @Override
            public String toString(Technician value) {
                return value == null ? "" : value.name();
            }

            @Override
            public Technician fromString(String text) {
                return null;
            }
        });
        technicians.stream().filter(t -> job.technicianId().filter(t.id()::equals).isPresent()).findFirst()
                .or(() -> technicians.stream().findFirst()).ifPresent(technician::setValue);
        TextField start = new TextField(job.windowStart().map(formats::time).orElse("09:00"));
        start.setId("schedule-start");
        start.setPromptText("09:30");
        Label problem = new Label();
        problem.getStyleClass().add(Styles.FIELD_ERROR);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        Label technicianLabel = new Label("_Technician");
        technicianLabel.setMnemonicParsing(true);
        technicianLabel.setLabelFor(technician);
        Label startLabel = new Label("_Starts at");
        startLabel.setMnemonicParsing(true);
        startLabel.setLabelFor(start);
        form.addRow(0, technicianLabel, technician);
        form.addRow(1, startLabel, start);
        form.add(problem, 1, 2);
        dialog.getDialogPane().setContent(form);
        ButtonType schedule = new ButtonType("Schedule", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(schedule, OwnedDialogs.CANCEL);
        javafx.scene.Node scheduleButton = dialog.getDialogPane().lookupButton(schedule);
        Runnable check = () -> {
            Optional<LocalTime> time = time(start.getText());
            problem.setText(time.isEmpty() ? "Type a time of day, e.g. 09:30." : technician.getValue() == null
                    ? "Choose a technician." : "");
            scheduleButton.setDisable(time.isEmpty() || technician.getValue() == null);
        };
        start.textProperty().addListener((o, before, now) -> check.run());
        technician.valueProperty().addListener((o, before, now) -> check.run());
        check.run();
        dialog.setResultConverter(button -> button == schedule
                ? new Choice(technician.getValue(), time(start.getText()).orElseThrow()) : null);
        dialog.setOnShown(e -> start.requestFocus());
        return dialog.showAndWait();
    }

    /** "9:30", "09:30" or "14:05" as a time of day. */
    static Optional<LocalTime> time(String text) {
        String trimmed = text == null ? "" : text.strip();
        try {
            return Optional.of(LocalTime.parse(trimmed.length() == 4 ? "0" + trimmed : trimmed));
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }
}
