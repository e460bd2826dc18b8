package com.fielddesk.desktop.signin;

import com.fielddesk.desktop.ui.AsyncCommand;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.Notice;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The sign-in form: workspace choice, credentials, the steps of opening the console with their
 * progress (the Local demo's first start takes about a minute), and one clear error sentence.
 */
public final class SignInViewModel<S> {

    public enum WorkspaceKind { LOCAL_DEMO, SUPABASE_PROJECT }

    /** A step of opening the console as the form lists it: done (with its last count), or the one running now. */
    public record StepLine(SignInProgress.Step step, String text, boolean done) {
    }

    static final String EMAIL_PROBLEM = "Enter your email address.";
    static final String PASSWORD_PROBLEM = "Enter your password.";

    private final ObjectProperty<WorkspaceKind> workspaceKind = new SimpleObjectProperty<>(WorkspaceKind.LOCAL_DEMO);
    private final StringProperty projectUrl = new SimpleStringProperty("");
    private final StringProperty anonKey = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty resuming = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progressFraction = new ReadOnlyDoubleWrapper(-1);
    private final ObservableList<StepLine> steps = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call would hold its listeners only weakly. */
    private final ObservableList<StepLine> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<DemoLogin> demoLogins = FXCollections.observableArrayList();
    private final AsyncCommand<S> signInCommand;
    /** Steps reported from the background, waiting for the FX thread (one hand-over at a time). */
    private final List<SignInProgress> reported = new ArrayList<>();

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
        signInCommand = new AsyncCommand<>(tasks, email.isNotEmpty().and(password.isNotEmpty()).and(resuming.not()),
                this::signedIn);
        busy.bind(signInCommand.busyProperty().or(resuming));
        signInCommand.noticeProperty().addListener((o, before, notice) -> {
            if (notice != null) {
                error.set(notice.sentence());
                progressEnded();
            }
        });
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
        Optional<String> problem = formProblem();
        if (problem.isPresent()) {
            error.set(problem.get());
            return;
        }
        Workspace workspace = workspace();
        String user = email.get().strip();
        String secret = password.get();
        signInCommand.run(() -> {
            error.set("");
            steps.clear();
            progress.set(workspace instanceof Workspace.LocalDemo ? "Starting the Local demo…" : "Signing in…");
            return () -> service.signIn(workspace, user, secret, this::reportProgress);
        });
    }

    private Notice signedIn(S session) {
        progressEnded();
        password.set("");
        remembered.save(workspaceKind.get(), projectUrl.get(), anonKey.get(), email.get().strip());
        onSignedIn.accept(session);
        return null;
    }

    /** At startup: reopen the remembered session of the last workspace, if any. */
    public void resumeRemembered() {
        if (remembered.kind().isEmpty() || !remembered.shouldResume() || busy.get() || formProblem(false).isPresent()) {
            return;
        }
        Workspace workspace = workspace();
        resuming.set(true);
        progress.set("Reopening your session…");
        tasks.run(() -> service.resume(workspace, this::reportProgress), session -> {
            resuming.set(false);
            progressEnded();
            session.ifPresent(onSignedIn);
        }, failure -> {
            resuming.set(false);
            progressEnded();
            error.set(Failures.sentence(failure));
        });
    }

    /** The first thing wrong with the form, if anything: the same sentences the fields show beside them. */
    private Optional<String> formProblem() {
        return formProblem(true);
    }

    private Optional<String> formProblem(boolean withCredentials) {
        if (workspaceKind.get() == WorkspaceKind.SUPABASE_PROJECT) {
            Optional<String> workspaceProblem = Workspace.SupabaseProject.urlProblem(projectUrl.get())
                    .or(() -> Workspace.SupabaseProject.anonKeyProblem(anonKey.get()));
            if (workspaceProblem.isPresent()) {
                return workspaceProblem;
            }
        }
        return withCredentials ? emailProblem(email.get()).or(() -> passwordProblem(password.get())) : Optional.empty();
    }

    /** What is wrong with a typed email, if anything. */
    public static Optional<String> emailProblem(String typed) {
        String value = typed == null ? "" : typed.strip();
        return value.isEmpty() || !value.contains("@") ? Optional.of(EMAIL_PROBLEM) : Optional.empty();
    }

    public static Optional<String> passwordProblem(String typed) {
        return typed == null || typed.isEmpty() ? Optional.of(PASSWORD_PROBLEM) : Optional.empty();
    }

    /** The project URL's problem while the project workspace is chosen (the Local demo needs none). */
    public Optional<String> projectUrlProblem(String typed) {
        return workspaceKind.get() == WorkspaceKind.SUPABASE_PROJECT ? Workspace.SupabaseProject.urlProblem(typed)
                : Optional.empty();
    }

    public Optional<String> anonKeyProblem(String typed) {
        return workspaceKind.get() == WorkspaceKind.SUPABASE_PROJECT ? Workspace.SupabaseProject.anonKeyProblem(typed)
                : Optional.empty();
    }

    /**
     * Called from the signing-in thread, often (every page of demo data): consecutive reports of
     * one step are merged, so the FX thread gets at most one hand-over at a time and no step is skipped.
     */
    private void reportProgress(SignInProgress step) {
        boolean handOver;
        synchronized (reported) {
            int last = reported.size() - 1;
            if (last >= 0 && reported.get(last).step() == step.step()) {
                reported.set(last, step);
            } else {
                reported.add(step);
            }
            handOver = reported.size() == 1 && last < 0;
        }
        if (handOver) {
            tasks.onUi(this::showReported);
        }
    }

    private void showReported() {
        List<SignInProgress> now;
        synchronized (reported) {
            now = List.copyOf(reported);
            reported.clear();
        }
        if (!busy.get()) {
            return;
        }
        for (SignInProgress step : now) {
            int last = steps.size() - 1;
            if (last >= 0 && steps.get(last).step() != step.step()) {
                // A finished step keeps its last count ("Applying migrations (13 of 13)").
                StepLine finished = steps.get(last);
                steps.set(last, new StepLine(finished.step(), finished.text().replaceFirst("…$", ""), true));
            }
            StepLine running = new StepLine(step.step(), step.sentence(), false);
            if (last >= 0 && steps.get(steps.size() - 1).step() == step.step()) {
                steps.set(steps.size() - 1, running);
            } else {
                steps.add(running);
            }
            progress.set(step.sentence());
            progressFraction.set(step.fraction());
        }
    }

    private void progressEnded() {
        progress.set("");
        progressFraction.set(-1);
        steps.clear();
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

    /** The step running now, as a sentence ("Loading demo data (35,000 of 120,000 rows)…"); "" when idle. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** How far the running step is (0–1), or -1 when it cannot say. */
    public ReadOnlyDoubleProperty progressFractionProperty() {
        return progressFraction.getReadOnlyProperty();
    }

    /** The steps of this sign-in so far: the finished ones, then the running one. */
    public ObservableList<StepLine> steps() {
        return stepsView;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<DemoLogin> demoLogins() {
        return demoLogins;
    }

    public BooleanBinding canSignInBinding() {
        return signInCommand.canRunBinding();
    }
}
