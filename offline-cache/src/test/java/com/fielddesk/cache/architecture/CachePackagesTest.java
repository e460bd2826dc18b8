package com.fielddesk.cache.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The cache's packages form no cycle, and the typed API a domain builds on knows nothing of HTTP. */
class CachePackagesTest {

    private static final JavaClasses CACHE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.fielddesk.cache");

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        slices().matching("com.fielddesk.cache.(*)..").should().beFreeOfCycles().check(CACHE);
    }

    @Test
    void theTypedApiAndTheStoreDoNotTalkToTheServer() {
        noClasses().that().resideInAnyPackage("com.fielddesk.cache.query..", "com.fielddesk.cache.search..",
                        "com.fielddesk.cache.store..", "com.fielddesk.cache.outbox..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fielddesk.supabase..", "com.fielddesk.cache.http..",
                        "com.fielddesk.cache.sync..")
                .check(CACHE);
    }
}
