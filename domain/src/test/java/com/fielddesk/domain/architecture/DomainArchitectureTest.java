package com.fielddesk.domain.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The domain is headless and talks to the cache only: the layering DESIGN.md §2 draws, kept by the build. */
@AnalyzeClasses(packages = "com.fielddesk.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the domain runs headless (tests, CLI, PDF) — JavaFX belongs to desktop-app");

    @ArchTest
    static final ArchRule noServerCalls = noClasses().should().dependOnClassesThat()
            .resideInAPackage("com.fielddesk.supabase..")
            .because("the domain reads and writes the offline cache; the sync engine talks to the server");

    @ArchTest
    static final ArchRule sharedValuesDependOnNoFeature = noClasses().that()
            .resideInAPackage("com.fielddesk.domain.common..").should().dependOnClassesThat()
            .resideInAnyPackage("com.fielddesk.domain.leads..", "com.fielddesk.domain.customers..",
                    "com.fielddesk.domain.jobs..", "com.fielddesk.domain.messages..", "com.fielddesk.domain.invoices..",
                    "com.fielddesk.domain.audit..", "com.fielddesk.domain.settings..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.fielddesk.domain.(*)..").should().beFreeOfCycles();
}
