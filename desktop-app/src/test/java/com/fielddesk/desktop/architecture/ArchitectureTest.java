package com.fielddesk.desktop.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** CONVENTIONS 2 and 3: JavaFX only in desktop-app, and ViewModels hold state, never nodes. */
class ArchitectureTest {

    private static final JavaClasses CLIENT_AND_CACHE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.fielddesk.supabase", "com.fielddesk.cache");
    private static final JavaClasses DESKTOP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.fielddesk.desktop");

    @Test
    void clientAndCacheDoNotUseJavaFx() {
        assertThat(CLIENT_AND_CACHE.stream().filter(c -> c.getPackageName().startsWith("com.fielddesk.supabase"))).isNotEmpty();
        assertThat(CLIENT_AND_CACHE.stream().filter(c -> c.getPackageName().startsWith("com.fielddesk.cache"))).isNotEmpty();
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(CLIENT_AND_CACHE);
    }

    @Test
    void viewModelsDoNotTouchSceneGraph() {
        assertThat(DESKTOP.stream().filter(c -> c.getSimpleName().endsWith("ViewModel"))).hasSizeGreaterThanOrEqualTo(3);
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .check(DESKTOP);
    }

    @Test
    void featuresDoNotReachIntoTheCompositionRoot() {
        noClasses().that().resideInAnyPackage("com.fielddesk.desktop.leads..", "com.fielddesk.desktop.shell..",
                        "com.fielddesk.desktop.signin..", "com.fielddesk.desktop.ui..")
                .should().dependOnClassesThat().resideInAPackage("com.fielddesk.desktop.app..")
                .check(DESKTOP);
    }
}
