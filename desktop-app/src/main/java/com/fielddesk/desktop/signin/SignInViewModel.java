package com.fielddesk.desktop.signin;

import com.fielddesk.desktop.ui.BackgroundTasks;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Consumer;

/** The sign-in form: workspace choice, credentials, progress and one clear error sentence. */
public final class SignInViewModel<S> {

    public enum WorkspaceKind { LOCAL_DEMO, SUPABASE_PROJECT }

    private final ObjectProperty<WorkspaceKind> workspaceKind = new SimpleObjectProperty<>(WorkspaceKind.LOCAL_DEMO);
    private final StringProperty projectUrl = new SimpleStringProperty("");
    private final StringProperty anonKey = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<DemoLogin> demoLogins = FXCollections.observableArrayList();
    private final BooleanBinding canSignIn;

    private final SignInService<S> service;
    private final RememberedWorkspace remembered;
    private final BackgroundTasks tasks;
    private final Consumer<S> onSignedIn;

    public SignInViewModel(SignInService<S> service, RememberedWorkspace remembered, List<DemoLogin> logins,
                           BackgroundTasks tasks, Consumer<S> onSignedIn) {
        this.service = service;
        this.remembered = remembered;
        this.tasks = tasks;
        this.onSignedIn = onSignedIn;
        demoLogins.setAll(logins);
        remembered.projectUrl().ifPresent(projectUrl::set);
        remembered.anonKey().ifPresent(anonKey::set);
        remembered.kind().ifPresent(workspaceKind::set);
        remembered.email().ifPresent(email::set);
        canSignIn = busy.not().and(email.isNotEmpty()).and(password.isNotEmpty());
    }

    // ---- commands ----

    public void useDemoLogin(DemoLogin login) {
        if (login == null) {
            return;
        }
        workspaceKind.set(WorkspaceKind.LOCAL_DEMO);
        email.set(login.email());
        password.set(login.password());
    }

    public void signIn() {
        if (busy.get()) {
            return;
        }
        Workspace workspace;
        try {
            workspace = workspace();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        String user = email.get() == null ? "" : email.get().strip();
        if (user.isEmpty() || !user.contains("@")) {
            error.set("Enter your email address.");
            return;
        }
        if (password.get() == null || password.get().isEmpty()) {
            error.set("Enter your password.");
            return;
        }
        String secret = password.get();
        busy.set(true);
        error.set("");
        progress.set(workspace instanceof Workspace.LocalDemo ? "Starting the Local demo…" : "Signing in…");
        tasks.run(() -> service.signIn(workspace, user, secret, this::reportProgress), session -> {
            busy.set(false);
            progress.set("");
            password.set("");
            remembered.save(workspaceKind.get(), projectUrl.get(), anonKey.get(), user);
            onSignedIn.accept(session);
        }, failure -> {
            busy.set(false);
            progress.set("");
            error.set(failure instanceof SignInException known ? known.getMessage()
                    : "Sign-in failed: " + failure.getMessage());
        });
    }

    /** At startup: reopen the remembered session of the last workspace, if any. */
    public void resumeRemembered() {
        if (remembered.kind().isEmpty() || !remembered.shouldResume()) {
            return;
        }
        Workspace workspace;
        try {
            workspace = workspace();
        } catch (IllegalArgumentException e) {
            return;
        }
        busy.set(true);
        progress.set("Reopening your session…");
        tasks.run(() -> service.resume(workspace, this::reportProgress), session -> {
            busy.set(false);
            progress.set("");
            session.ifPresent(onSignedIn);
        }, failure -> {
            busy.set(false);
            progress.set("");
            error.set(failure.getMessage());
        });
    }

    private void reportProgress(String step) {
        tasks.onUi(() -> progress.set(step));
    }

    private Workspace workspace() {
        return workspaceKind.get() == WorkspaceKind.LOCAL_DEMO
                ? new Workspace.LocalDemo()
                : Workspace.SupabaseProject.parse(projectUrl.get(), anonKey.get());
    }

    /** Shows a message the console sends back here, e.g. after the session expired. */
    public void showError(String message) {
        error.set(message);
    }

    // ---- properties ----

    public ObjectProperty<WorkspaceKind> workspaceKindProperty() {
        return workspaceKind;
    }

    public StringProperty projectUrlProperty() {
        return projectUrl;
    }

    public StringProperty anonKeyProperty() {
        return anonKey;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<DemoLogin> demoLogins() {
        return demoLogins;
    }

    public BooleanBinding canSignInBinding() {
        return canSignIn;
    }
}
