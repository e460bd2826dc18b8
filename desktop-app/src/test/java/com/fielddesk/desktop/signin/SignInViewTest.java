package com.fielddesk.desktop.signin;

import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ControllerFactory;
import com.fielddesk.desktop.ui.Styles;
import com.fielddesk.desktop.ui.ViewSettings;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The FXML sign-in screen, its controller made by a controller factory with the real ViewModel:
 * fields' problems beside them as the user types, the workspace as a segmented choice, the anon
 * key pop-over, and the steps of a long sign-in with a progress bar. The sign-in service here
 * stands in for starting a Local demo: it reports the steps the real one reports and then waits.
 */
class SignInViewTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<String> signedIn = new AtomicReference<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private SignInViewModel<String> viewModel;
    private Parent root;

    @BeforeEach
    void showForm() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            viewModel = new SignInViewModel<>(new SlowLocalDemo(), new RememberedWorkspace(new ViewSettings(
                    home.resolve("console.properties"))), List.of(new DemoLogin("dana@acme.test", "pw", "dispatcher", "Acme")),
                    new BackgroundTasks(background, Platform::runLater), signedIn::set);
            root = (Parent) SignInView.load(new ControllerFactory().with(SignInView.class, () -> new SignInView(viewModel)));
            stage.setScene(new Scene(root, 1000, 800));
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        release.countDown();
        FxToolkit.cleanupStages();
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void theControllerComesOnlyFromTheFactory() {
        assertThatThrownBy(() -> Fx.read(() -> SignInView.load(new ControllerFactory())))
                .hasStackTraceContaining("No controller registered for " + SignInView.class.getName());
    }

    @Test
    void aFieldsProblemShowsBesideItAsTheUserTypes() {
        robot.clickOn(node("#" + SignInView.EMAIL_ID)).write("dana.acme.test");
        Fx.waitUntil("the email's problem is under the email field", DEADLINE,
                () -> visibleFieldErrors().equals(List.of("Enter your email address.")));
        robot.write("@");
        assertThat(Fx.read(this::visibleFieldErrors)).isEmpty();
        assertThat(Fx.read(() -> ((Button) node("#" + SignInView.SIGN_IN_BUTTON_ID)).isDisabled()))
                .as("no password yet").isTrue();
    }

    @Test
    void theSegmentedChoiceSwitchesToAProjectAndItsFieldsAreCheckedToo() {
        robot.clickOn(node("#" + SignInView.PROJECT_ID));
        Fx.waitUntil("the project fields show", DEADLINE, () -> shown(node("#" + SignInView.PROJECT_URL_ID))
                && viewModel.workspaceKindProperty().get() == SignInViewModel.WorkspaceKind.SUPABASE_PROJECT);
        assertThat(Fx.read(() -> ((ToggleButton) node("#" + SignInView.LOCAL_DEMO_ID)).isSelected())).isFalse();
        robot.clickOn(node("#" + SignInView.PROJECT_URL_ID)).write("ftp://example.com");
        Fx.waitUntil("the URL's problem shows", DEADLINE,
                () -> visibleFieldErrors().contains("Enter the project URL, e.g. https://abcd.supabase.co"));

        robot.clickOn(node("#" + SignInView.PROJECT_ID));
        assertThat(Fx.read(() -> ((ToggleButton) node("#" + SignInView.PROJECT_ID)).isSelected()))
                .as("one side is always chosen").isTrue();
        robot.clickOn(node("#" + SignInView.LOCAL_DEMO_ID));
        Fx.waitUntil("back on the Local demo, the project's problems are gone", DEADLINE,
                () -> visibleFieldErrors().isEmpty() && !shown(node("#" + SignInView.PROJECT_URL_ID)));
    }

    @Test
    void aPopOverSaysWhereTheAnonKeyIs() {
        robot.clickOn(node("#" + SignInView.PROJECT_ID));
        robot.clickOn(node("#" + SignInView.ANON_KEY_HELP_ID));
        Fx.waitUntil("the pop-over is open", DEADLINE, () -> Window.getWindows().stream()
                .filter(window -> window instanceof org.controlsfx.control.PopOver && window.isShowing()).count() == 1);
        assertThat(Fx.read(() -> popOverText())).contains("Project settings → API");
    }

    @Test
    void aLongSignInShowsEachStepWithItsCountAndAProgressBar() throws Exception {
        Fx.run(() -> viewModel.useDemoLogin(viewModel.demoLogins().get(0)));
        robot.clickOn(node("#" + SignInView.SIGN_IN_BUTTON_ID));
        Fx.waitUntil("the demo data step is running with its count", DEADLINE,
                () -> text("#" + SignInView.PROGRESS_ID).equals("Loading demo data (500 of 2,000 rows)…"));
        assertThat(Fx.read(this::stepTexts)).containsExactly("Starting the database", "Applying migrations (13 of 13)",
                "Loading demo data");
        assertThat(Fx.read(() -> ((ProgressBar) node("#" + SignInView.PROGRESS_BAR_ID)).getProgress())).isEqualTo(0.25);
        assertThat(Fx.read(() -> node("#" + SignInView.SIGN_IN_BUTTON_ID).isDisabled())).isTrue();

        release.countDown();
        Fx.waitUntil("signed in; the steps are gone", DEADLINE, () -> "session of dana@acme.test".equals(signedIn.get())
                && !shown(node("#" + SignInView.PROGRESS_STEPS_ID)));
    }

    private List<String> stepTexts() {
        return node("#" + SignInView.PROGRESS_STEPS_ID).lookupAll(".label").stream()
                .filter(label -> label.getStyleClass().contains(Styles.STEP_DONE)
                        || label.getStyleClass().contains(Styles.STEP_RUNNING))
                .map(label -> ((Label) label).getText()).toList();
    }

    private List<String> visibleFieldErrors() {
        return root.lookupAll("." + Styles.FIELD_ERROR).stream().filter(SignInViewTest::shown)
                .map(node -> ((Label) node).getText()).toList();
    }

    /** Whether the node is on screen: it and every parent visible. */
    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private String popOverText() {
        return Window.getWindows().stream().filter(window -> window instanceof org.controlsfx.control.PopOver)
                .flatMap(window -> window.getScene().getRoot().lookupAll(".label").stream())
                .map(node -> ((Label) node).getText()).filter(text -> text != null).reduce("", String::concat);
    }

    private Node node(String selector) {
        return Fx.read(() -> root.lookup(selector));
    }

    private String text(String selector) {
        Node node = root.lookup(selector);
        return node instanceof Label label ? label.getText() : "";
    }

    /** Reports a Local demo's first start up to the demo data, then waits for the test. */
    private final class SlowLocalDemo implements SignInService<String> {
        @Override
        public String signIn(Workspace workspace, String email, String password, Consumer<SignInProgress> progress)
                throws SignInException {
            progress.accept(SignInProgress.of(SignInProgress.Step.STARTING_DATABASE));
            for (int file = 0; file <= 13; file++) {
                progress.accept(SignInProgress.counted(SignInProgress.Step.APPLYING_MIGRATIONS, file, 13));
            }
            progress.accept(SignInProgress.counted(SignInProgress.Step.LOADING_DEMO_DATA, 500, 2000));
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "session of " + email;
        }

        @Override
        public Optional<String> resume(Workspace workspace, Consumer<SignInProgress> progress) {
            return Optional.empty();
        }
    }
}
