package com.fielddesk.desktop.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CONVENTIONS 1–3 and issue 13's platform rules: JavaFX only in desktop-app; ViewModels hold state,
 * never nodes; a feature package reaches nothing of another feature (only {@code ui}, the
 * registry/navigator API in {@code app.feature} and the domain); no feature talks to Supabase
 * directly; no package cycles.
 */
class ArchitectureTest {

    private static final String DESKTOP = "com.fielddesk.desktop";
    /** The console's sections (some are written in later steps; their rules hold from the first class). */
    private static final String[] FEATURES = {"leads", "customers", "jobs", "board", "dispatch", "messages", "invoices", "audit",
        "settings"};

    private static final JavaClasses CLIENT_AND_CACHE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.fielddesk.supabase", "com.fielddesk.cache");
    private static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(DESKTOP);

    @Test
    void clientAndCacheDoNotUseJavaFx() {
        assertThat(CLIENT_AND_CACHE.stream().filter(c -> c.getPackageName().startsWith("com.fielddesk.supabase"))).isNotEmpty();
        assertThat(CLIENT_AND_CACHE.stream().filter(c -> c.getPackageName().startsWith("com.fielddesk.cache"))).isNotEmpty();
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(CLIENT_AND_CACHE);
    }

    @Test
    void viewModelsDoNotTouchSceneGraph() {
        assertThat(CONSOLE.stream().filter(c -> c.getSimpleName().endsWith("ViewModel"))).hasSizeGreaterThanOrEqualTo(3);
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .check(CONSOLE);
    }

    /** Only the composition root ({@code app} itself) knows every part; nothing depends back on it. */
    @Test
    void nothingReachesIntoTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackage(DESKTOP + ".app")
                .should().dependOnClassesThat().resideInAPackage(DESKTOP + ".app")
                .check(CONSOLE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"leads", "customers", "jobs", "board", "dispatch", "messages", "invoices", "audit", "settings"})
    void aFeatureDependsOnNoOtherFeatureOnlyOnTheKitTheNavigatorAndTheDomain(String feature) {
        noClasses().that().resideInAPackage(DESKTOP + "." + feature + "..")
                .should().dependOnClassesThat(resideInAPackage(DESKTOP + "..")
                        .and(not(resideInAnyPackage(DESKTOP + "." + feature + "..", DESKTOP + ".ui..",
                                DESKTOP + ".app.feature.."))))
                .as(feature + " reaches other console packages only through ui and app.feature")
                .allowEmptyShould(true)
                .check(CONSOLE);
    }

    @Test
    void theShellAndSignInKnowNoFeature() {
        for (String frame : new String[]{"shell", "signin"}) {
            noClasses().that().resideInAPackage(DESKTOP + "." + frame + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(featurePackages())
                    .check(CONSOLE);
        }
    }

    /**
     * Features use the server only through offline-cache (so the status bar's online flag stays
     * true to every call): claim and decline go through offline-cache's server-functions port.
     */
    @Test
    void noFeatureTalksToSupabaseDirectly() {
        noClasses().that().resideInAnyPackage(featurePackages())
                .should().dependOnClassesThat().resideInAPackage("com.fielddesk.supabase..")
                .allowEmptyShould(true)
                .check(CONSOLE);
    }

    /** CONVENTIONS 6: a user reads one sentence from ui.Failures, never an exception's own text. */
    @Test
    void noScreenShowsAnExceptionsMessage() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleNameEndingWith("View")
                .should().callMethodWhere(target(name("getMessage")).and(target(owner(assignableTo(Throwable.class)))))
                .check(CONSOLE);
    }

    @Test
    void theConsoleHasNoPackageCycles() {
        slices().matching(DESKTOP + ".(**)").should().beFreeOfCycles().check(CONSOLE);
    }

    private static String[] featurePackages() {
        String[] packages = new String[FEATURES.length];
        for (int i = 0; i < FEATURES.length; i++) {
            packages[i] = DESKTOP + "." + FEATURES[i] + "..";
        }
        return packages;
    }
}
