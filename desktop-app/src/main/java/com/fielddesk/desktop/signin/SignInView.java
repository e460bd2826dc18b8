package com.fielddesk.desktop.signin;

import com.fielddesk.desktop.ui.ControllerFactory;
import com.fielddesk.desktop.ui.Form;
import com.fielddesk.desktop.ui.Styles;
import com.fielddesk.desktop.ui.Theme;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.SegmentedButton;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The sign-in screen: {@code SignInView.fxml} with this class as its controller, made by the
 * window's {@link ControllerFactory} with the form's ViewModel. Workspace as a ControlsFX
 * segmented button, each field's problem beside it as the user types ({@link Form}, ControlsFX
 * validation), a pop-over that says where the anon key is, and while it works the steps of
 * opening the console with a progress bar.
 */
public final class SignInView {

    public static final String FXML = "SignInView.fxml";
    public static final String EMAIL_ID = "signInEmail";
    public static final String PASSWORD_ID = "signInPassword";
    public static final String SIGN_IN_BUTTON_ID = "signInButton";
    public static final String ERROR_ID = "signInError";
    public static final String PROGRESS_ID = "signInProgress";
    public static final String PROGRESS_BAR_ID = "progressBar";
    public static final String PROGRESS_STEPS_ID = "progressSteps";
    public static final String DEMO_LOGINS_ID = "demoLogins";
    public static final String PROJECT_URL_ID = "projectUrl";
    public static final String ANON_KEY_ID = "anonKey";
    public static final String ANON_KEY_HELP_ID = "anonKeyHelp";
    public static final String LOCAL_DEMO_ID = "workspaceLocalDemo";
    public static final String PROJECT_ID = "workspaceProject";

    private final SignInViewModel<?> viewModel;
    private final Form form = new Form();
    private PopOver anonKeyExplained;

    @FXML private VBox card;
    @FXML private VBox inputs;
    @FXML private SegmentedButton workspaceChoice;
    @FXML private ToggleButton workspaceLocalDemo;
    @FXML private ToggleButton workspaceProject;
    @FXML private VBox projectFields;
    @FXML private Label projectUrlLabel;
    @FXML private TextField projectUrl;
    @FXML private Label projectUrlError;
    @FXML private Label anonKeyLabel;
    @FXML private Button anonKeyHelp;
    @FXML private TextField anonKey;
    @FXML private Label anonKeyError;
    @FXML private VBox demoFields;
    @FXML private ComboBox<DemoLogin> demoLogins;
    @FXML private Label emailLabel;
    @FXML private TextField signInEmail;
    @FXML private Label emailError;
    @FXML private Label passwordLabel;
    @FXML private PasswordField signInPassword;
    @FXML private Label passwordError;
    @FXML private Button signInButton;
    @FXML private VBox progressPane;
    @FXML private VBox progressSteps;
    @FXML private ProgressBar progressBar;
    @FXML private Label signInProgress;
    @FXML private Label signInError;

    public SignInView(SignInViewModel<?> viewModel) {
        this.viewModel = viewModel;
    }

    /** Loads the screen with controllers from {@code controllers} (which must make this class). */
    public static Node load(ControllerFactory controllers) {
        return controllers.<SignInView>load(SignInView.class, FXML).root();
    }

    @FXML
    private void initialize() {
        bindWorkspace();
        bindFields();
        bindProgress();
        signInButton.disableProperty().bind(viewModel.canSignInBinding().not());
        inputs.disableProperty().bind(viewModel.busyProperty());
        signInError.textProperty().bind(viewModel.errorProperty());
        signInError.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        signInError.managedProperty().bind(signInError.visibleProperty());
        card.getStyleClass().setAll(Styles.SIGN_IN_CARD);
        // Typing can start at once: the cursor waits in the email field when the form opens.
        Platform.runLater(signInEmail::requestFocus);
    }

    private void bindWorkspace() {
        syncToggles();
        viewModel.workspaceKindProperty().addListener((o, a, b) -> {
            syncToggles();
            form.recheck();
        });
        workspaceChoice.getToggleGroup().selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                // A segmented choice always has one side chosen.
                old.setSelected(true);
            } else {
                viewModel.workspaceKindProperty().set(now == workspaceLocalDemo
                        ? SignInViewModel.WorkspaceKind.LOCAL_DEMO : SignInViewModel.WorkspaceKind.SUPABASE_PROJECT);
            }
        });
        projectFields.visibleProperty().bind(workspaceProject.selectedProperty());
        projectFields.managedProperty().bind(projectFields.visibleProperty());
        demoFields.visibleProperty().bind(workspaceLocalDemo.selectedProperty());
        demoFields.managedProperty().bind(demoFields.visibleProperty());
        demoLogins.setItems(viewModel.demoLogins());
        demoLogins.valueProperty().addListener((o, a, login) -> viewModel.useDemoLogin(login));
    }

    private void bindFields() {
        projectUrl.textProperty().bindBidirectional(viewModel.projectUrlProperty());
        anonKey.textProperty().bindBidirectional(viewModel.anonKeyProperty());
        signInEmail.textProperty().bindBidirectional(viewModel.emailProperty());
        signInPassword.textProperty().bindBidirectional(viewModel.passwordProperty());
        // The name above each field stays while typing (the prompt text vanishes with focus).
        projectUrlLabel.setLabelFor(projectUrl);
        anonKeyLabel.setLabelFor(anonKey);
        emailLabel.setLabelFor(signInEmail);
        passwordLabel.setLabelFor(signInPassword);
        form.errorBeside(projectUrl, projectUrlError)
                .rule(projectUrl, projectUrl.textProperty(), viewModel::projectUrlProblem)
                .errorBeside(anonKey, anonKeyError)
                .rule(anonKey, anonKey.textProperty(), viewModel::anonKeyProblem)
                .errorBeside(signInEmail, emailError)
                .rule(signInEmail, signInEmail.textProperty(), SignInViewModel::emailProblem)
                .errorBeside(signInPassword, passwordError)
                .rule(signInPassword, signInPassword.textProperty(), SignInViewModel::passwordProblem);
    }

    private void bindProgress() {
        progressPane.visibleProperty().bind(viewModel.busyProperty());
        progressPane.managedProperty().bind(progressPane.visibleProperty());
        progressBar.progressProperty().bind(viewModel.progressFractionProperty());
        signInProgress.textProperty().bind(viewModel.progressProperty());
        viewModel.steps().addListener((ListChangeListener<SignInViewModel.StepLine>) change -> showSteps());
        showSteps();
    }

    /** The finished steps with a tick, the running one with an arrow (its counts are in the sentence below). */
    private void showSteps() {
        progressSteps.getChildren().clear();
        for (SignInViewModel.StepLine line : viewModel.steps()) {
            Label step = new Label(line.done() ? line.text() : line.step().label(),
                    new FontIcon(line.done() ? Material2AL.CHECK : Material2AL.ARROW_RIGHT));
            step.getStyleClass().add(line.done() ? Styles.STEP_DONE : Styles.STEP_RUNNING);
            progressSteps.getChildren().add(step);
        }
    }

    @FXML
    private void signIn() {
        form.trySave(viewModel::signIn);
    }

    @FXML
    private void explainAnonKey() {
        if (anonKeyExplained == null) {
            Label text = new Label("In your Supabase dashboard: Project settings → API → Project API keys,\n"
                    + "the key named \"anon\" \"public\". It is safe in a desktop app: the database's\n"
                    + "row-level security decides what each signed-in user may see.");
            text.getStyleClass().add(Styles.POPOVER_TEXT);
            anonKeyExplained = new PopOver(text);
            anonKeyExplained.setTitle("Where is the anon key?");
            anonKeyExplained.setHeaderAlwaysVisible(true);
            anonKeyExplained.setArrowLocation(PopOver.ArrowLocation.TOP_LEFT);
            anonKeyExplained.setDetachable(false);
            Theme.applyTo(anonKeyExplained);
        }
        if (anonKeyExplained.isShowing()) {
            anonKeyExplained.hide();
        } else {
            anonKeyExplained.show(anonKeyHelp);
        }
    }

    private void syncToggles() {
        boolean isLocal = viewModel.workspaceKindProperty().get() == SignInViewModel.WorkspaceKind.LOCAL_DEMO;
        workspaceLocalDemo.setSelected(isLocal);
        workspaceProject.setSelected(!isLocal);
    }
}
