package com.fielddesk.desktop.signin;

import com.fielddesk.desktop.ui.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The sign-in screen, built in code. */
public final class SignInView {

    public static final String EMAIL_ID = "signInEmail";
    public static final String PASSWORD_ID = "signInPassword";
    public static final String SIGN_IN_BUTTON_ID = "signInButton";
    public static final String ERROR_ID = "signInError";
    public static final String PROGRESS_ID = "signInProgress";
    public static final String DEMO_LOGINS_ID = "demoLogins";
    public static final String PROJECT_URL_ID = "projectUrl";
    public static final String ANON_KEY_ID = "anonKey";
    public static final String LOCAL_DEMO_ID = "workspaceLocalDemo";
    public static final String PROJECT_ID = "workspaceProject";

    private final SignInViewModel<?> viewModel;
    private final StackPane root = new StackPane();

    public SignInView(SignInViewModel<?> viewModel) {
        this.viewModel = viewModel;
        build();
    }

    public Node node() {
        return root;
    }

    private void build() {
        Label title = new Label("FieldDesk", new FontIcon(Material2AL.BUILD_CIRCLE));
        title.getStyleClass().add(Styles.SIGN_IN_TITLE);
        Label subtitle = new Label("Back office for HVAC, plumbing and electrical teams");
        subtitle.getStyleClass().add(Styles.FORM_HINT);

        ToggleGroup group = new ToggleGroup();
        ToggleButton local = new ToggleButton("Local demo", new FontIcon(Material2AL.COMPUTER));
        local.setId(LOCAL_DEMO_ID);
        ToggleButton project = new ToggleButton("Supabase project", new FontIcon(Material2AL.CLOUD));
        project.setId(PROJECT_ID);
        local.setToggleGroup(group);
        project.setToggleGroup(group);
        local.getStyleClass().add("left-pill");
        project.getStyleClass().add("right-pill");
        HBox workspace = new HBox(local, project);
        syncToggle(local, project);
        viewModel.workspaceKindProperty().addListener((o, a, b) -> syncToggle(local, project));
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                viewModel.workspaceKindProperty().set(now == local
                        ? SignInViewModel.WorkspaceKind.LOCAL_DEMO : SignInViewModel.WorkspaceKind.SUPABASE_PROJECT);
            }
        });

        TextField url = new TextField();
        url.setId(PROJECT_URL_ID);
        url.setPromptText("https://your-project.supabase.co");
        url.textProperty().bindBidirectional(viewModel.projectUrlProperty());
        TextField anonKey = new TextField();
        anonKey.setId(ANON_KEY_ID);
        anonKey.setPromptText("anon key (Project settings → API)");
        anonKey.textProperty().bindBidirectional(viewModel.anonKeyProperty());
        VBox projectFields = new VBox(8, labelled("Project URL", url), labelled("Anon key", anonKey));
        projectFields.visibleProperty().bind(project.selectedProperty());
        projectFields.managedProperty().bind(projectFields.visibleProperty());

        ComboBox<DemoLogin> demo = new ComboBox<>(viewModel.demoLogins());
        demo.setId(DEMO_LOGINS_ID);
        demo.setPromptText("Fill in a demo login…");
        demo.setMaxWidth(Double.MAX_VALUE);
        demo.valueProperty().addListener((o, a, login) -> viewModel.useDemoLogin(login));
        Label demoHint = new Label("The Local demo runs on this computer with sample companies, leads and jobs.");
        demoHint.getStyleClass().add(Styles.FORM_HINT);
        VBox demoFields = new VBox(6, demo, demoHint);
        demoFields.visibleProperty().bind(local.selectedProperty());
        demoFields.managedProperty().bind(demoFields.visibleProperty());

        TextField email = new TextField();
        email.setId(EMAIL_ID);
        email.setPromptText("Email");
        email.textProperty().bindBidirectional(viewModel.emailProperty());
        PasswordField password = new PasswordField();
        password.setId(PASSWORD_ID);
        password.setPromptText("Password");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());

        Button signIn = new Button("Sign in", new FontIcon(Material2AL.LOCK_OPEN));
        signIn.setId(SIGN_IN_BUTTON_ID);
        signIn.getStyleClass().add("accent");
        signIn.setDefaultButton(true);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(viewModel.canSignInBinding().not());
        signIn.setOnAction(e -> viewModel.signIn());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label progress = new Label();
        progress.setId(PROGRESS_ID);
        progress.textProperty().bind(viewModel.progressProperty());
        HBox progressRow = new HBox(8, spinner, progress);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.visibleProperty().bind(viewModel.busyProperty());
        progressRow.managedProperty().bind(progressRow.visibleProperty());

        Label error = new Label();
        error.setId(ERROR_ID);
        error.getStyleClass().add(Styles.FORM_ERROR);
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VBox card = new VBox(12, title, subtitle, workspace, projectFields, demoFields, labelled("Email", email),
                labelled("Password", password), signIn,
                progressRow, error);
        card.getStyleClass().add(Styles.SIGN_IN_CARD);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        card.disableProperty().bind(viewModel.busyProperty().and(viewModel.progressProperty().isEmpty()));
        root.getChildren().add(card);
        root.getStyleClass().add(Styles.APP_ROOT);
        // Typing can start at once: the cursor waits in the email field when the form opens.
        javafx.application.Platform.runLater(email::requestFocus);
    }

    /** A field with its name above it: the prompt text disappears while the field has focus. */
    private static VBox labelled(String name, javafx.scene.control.Control field) {
        Label label = new Label(name);
        label.setLabelFor(field);
        return new VBox(4, label, field);
    }

    private void syncToggle(ToggleButton local, ToggleButton project) {
        boolean isLocal = viewModel.workspaceKindProperty().get() == SignInViewModel.WorkspaceKind.LOCAL_DEMO;
        local.setSelected(isLocal);
        project.setSelected(!isLocal);
    }
}
