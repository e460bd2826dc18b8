package com.fielddesk.desktop.customers;

import com.fielddesk.desktop.ui.OwnedDialogs;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ControllerFactory;
import com.fielddesk.desktop.ui.Form;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.desktop.ui.Styles;
import com.fielddesk.domain.customers.AddressDetails;
import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.customers.CustomerRepository;
import com.fielddesk.domain.customers.PhoneIntake;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The customer screens' dialogs: New customer and Phone intake (FXML forms, controllers from the
 * controller factory), an address, and the delete confirmation. A dialog's main button checks
 * every field first (problems beside the fields, nothing queued) and closes only once the local
 * write succeeded; Esc or Cancel closes it without writing.
 */
final class CustomerDialogs {

    private final CustomerRepository repository;
    private final BackgroundTasks tasks;

    CustomerDialogs(CustomerRepository repository, BackgroundTasks tasks) {
        this.repository = repository;
        this.tasks = tasks;
    }

    Optional<CustomerId> newCustomer(Window owner) {
        NewCustomerViewModel viewModel = new NewCustomerViewModel(repository, tasks);
        ControllerFactory.Loaded<NewCustomerForm> loaded = new ControllerFactory()
                .with(NewCustomerForm.class, () -> new NewCustomerForm(viewModel))
                .with(AddressForm.class, AddressForm::new)
                .load(CustomerDialogs.class, "NewCustomerForm.fxml");
        Dialog<CustomerId> dialog = dialog(owner, "New customer", loaded.root(), "Create customer", "new-customer-dialog");
        Object[] created = new Object[1];
        guardMainButton(dialog, loaded.controller().form(), done -> viewModel.create(id -> {
            created[0] = id;
            done.accept(null);
        }), viewModel.noticeProperty());
        Platform.runLater(loaded.controller().firstField()::requestFocus);
        dialog.showAndWait();
        return Optional.ofNullable((CustomerId) created[0]);
    }

    Optional<PhoneIntake.Written> phoneIntake(Window owner) {
        PhoneIntakeViewModel viewModel = new PhoneIntakeViewModel(repository, tasks);
        ControllerFactory.Loaded<PhoneIntakeForm> loaded = new ControllerFactory()
                .with(PhoneIntakeForm.class, () -> new PhoneIntakeForm(viewModel))
                .with(AddressForm.class, AddressForm::new)
                .load(CustomerDialogs.class, "PhoneIntakeForm.fxml");
        viewModel.start();
        ScrollPane scroll = new ScrollPane(loaded.root());
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(560);
        Dialog<PhoneIntake.Written> dialog = dialog(owner, "Phone intake", scroll, "Take request", "phone-intake-dialog");
        Object[] written = new Object[1];
        guardMainButton(dialog, loaded.controller().form(), done -> viewModel.submit(result -> {
            written[0] = result;
            done.accept(null);
        }), viewModel.noticeProperty());
        Platform.runLater(loaded.controller().firstField()::requestFocus);
        try {
            dialog.showAndWait();
        } finally {
            viewModel.close();
        }
        return Optional.ofNullable((PhoneIntake.Written) written[0]);
    }

    /** An address to add ({@code current} empty) or change; empty when cancelled. */
    Optional<AddressDetails> address(Window owner, Optional<AddressDetails> current) {
        NewCustomerViewModel.AddressFields fields = new NewCustomerViewModel.AddressFields();
        current.ifPresent(fields::fill);
        Form form = new Form();
        ControllerFactory.Loaded<AddressForm> loaded = new ControllerFactory().with(AddressForm.class, AddressForm::new)
                .load(CustomerDialogs.class, "AddressForm.fxml");
        loaded.controller().bind(fields, form, () -> fields.details().problems());
        Dialog<AddressDetails> dialog = dialog(owner, current.isPresent() ? "Edit address" : "Add address",
                loaded.root(), current.isPresent() ? "Save address" : "Add address", "address-dialog");
        Object[] result = new Object[1];
        guardMainButton(dialog, form, done -> {
            result[0] = fields.details();
            done.accept(null);
            return true;
        }, null);
        Platform.runLater(loaded.controller().street()::requestFocus);
        dialog.showAndWait();
        return Optional.ofNullable((AddressDetails) result[0]);
    }

    boolean confirmDelete(Window owner, String name) {
        return OwnedDialogs.confirm(owner, "Delete customer", "Delete " + name + "? Their jobs, invoices and messages "
                + "stay in the history; the customer no longer shows in lists.", "Delete");
    }

    private static <R> Dialog<R> dialog(Window owner, String title, Parent content, String mainButton, String id) {
        Dialog<R> dialog = OwnedDialogs.create(owner, title, id);
        ButtonType main = new ButtonType(mainButton, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(main, OwnedDialogs.CANCEL);
        Label notice = new Label();
        notice.setId(id + "-notice");
        notice.setWrapText(true);
        notice.getStyleClass().addAll(Styles.NOTICE, Styles.NOTICE_WARNING);
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setVisible(false);
        dialog.getDialogPane().setContent(new VBox(12, content, notice));
        return dialog;
    }

    /**
     * The main button checks the form first and never closes the dialog by itself: {@code write}
     * starts the local write (false: it could not start) and calls its callback when it is done,
     * which closes the dialog. A failed write shows its sentence under the form.
     */
    private static <R> void guardMainButton(Dialog<R> dialog, Form form, Predicate<Consumer<Void>> write,
                                            ObservableValue<Notice> notices) {
        ButtonType main = dialog.getDialogPane().getButtonTypes().get(0);
        Node button = dialog.getDialogPane().lookupButton(main);
        Label notice = (Label) dialog.getDialogPane().lookup(".fd-notice");
        if (notices != null) {
            notices.addListener((o, before, now) -> {
                if (now != null && now.isProblem()) {
                    notice.setText(now.sentence());
                    notice.setVisible(true);
                }
            });
        }
        button.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            notice.setVisible(false);
            form.trySave(() -> write.test(done -> {
                dialog.setResult(null);
                dialog.close();
            }));
        });
    }
}
