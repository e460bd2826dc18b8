package com.fielddesk.supabase;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The supabase-kt layering: separate parts over one HTTP core, and no UI toolkit anywhere. */
class LayeringTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.fielddesk.supabase");

    @Test
    void noJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }

    @Test
    void partsDoNotDependOnEachOther() {
        slices().matching("com.fielddesk.supabase.(auth|rest|storage|realtime)..")
                .should().notDependOnEachOther()
                .check(classes);
    }

    @Test
    void theCoreKnowsNoPart() {
        noClasses().that().resideInAnyPackage("com.fielddesk.supabase.http..", "com.fielddesk.supabase.errors..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("com.fielddesk.supabase.auth..", "com.fielddesk.supabase.rest..",
                        "com.fielddesk.supabase.storage..", "com.fielddesk.supabase.realtime..")
                .check(classes);
    }
}
