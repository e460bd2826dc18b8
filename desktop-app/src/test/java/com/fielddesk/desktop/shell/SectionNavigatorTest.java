package com.fielddesk.desktop.shell;

import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.domain.common.Role;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Navigation from the registry's entries: sections by role, records opened by kind in the section
 * that opens them, Back/Forward across sections, screens made on first show and closed together.
 * The sections here are small real features that record what the navigator asked of them.
 */
class SectionNavigatorTest {

    private final List<String> calls = new ArrayList<>();
    private final Feature leads = feature("leads", "Leads", Role.OFFICE_STAFF, RecordKind.LEAD);
    private final Feature audit = feature("audit", "Audit log", Role.MANAGERS);
    private final Feature customers = feature("customers", "Customers", Role.OFFICE_STAFF, RecordKind.CUSTOMER);
    private final SectionNavigator navigator = new SectionNavigator(List.of(leads, audit, customers));

    @Test
    void opensOnTheFirstSectionTheRoleSeesAndMakesOtherScreensOnlyWhenShown() {
        navigator.start(feature -> feature.create(null), Role.DISPATCHER);
        assertThat(navigator.visibleFeatures()).containsExactly(leads, customers);
        assertThat(navigator.currentProperty().get()).isEqualTo(leads);
        assertThat(calls).containsExactly("make leads", "start leads");
        navigator.show("customers");
        assertThat(calls).containsExactly("make leads", "start leads", "make customers", "start customers");
        navigator.show("leads");
        assertThat(calls).as("a screen is made once").hasSize(4);
    }

    @Test
    void aRecordOpensInTheSectionThatOpensItsKind() {
        navigator.start(feature -> feature.create(null), Role.CSR);
        assertThat(navigator.open(new RecordRef(RecordKind.CUSTOMER, "c-1"))).isEmpty();
        assertThat(navigator.currentProperty().get()).isEqualTo(customers);
        assertThat(calls).as("the record is shown once, not again on arrival").containsOnlyOnce("customers opens c-1");
        assertThat(navigator.canOpen(RecordKind.CUSTOMER)).isTrue();
        assertThat(navigator.canOpen(RecordKind.JOB)).isFalse();
    }

    @Test
    void aKindNoSectionOpensIsExplainedNotIgnored() {
        navigator.start(feature -> feature.create(null), Role.DISPATCHER);
        assertThat(navigator.open(new RecordRef(RecordKind.JOB, "j-1")))
                .contains("The console has no job screen yet, so this job cannot be opened here.");
        assertThat(navigator.currentProperty().get()).isEqualTo(leads);
        assertThat(navigator.canGoBackProperty().get()).as("nothing happened, nothing to go back to").isFalse();
    }

    @Test
    void aNewWorkOrderOpensInTheSectionThatOpensJobsAndBackReturns() {
        Feature jobs = feature("jobs", "Jobs", Role.OFFICE_STAFF, RecordKind.JOB);
        SectionNavigator withJobs = new SectionNavigator(List.of(leads, customers, jobs));
        withJobs.start(feature -> feature.create(null), Role.DISPATCHER);
        withJobs.show("customers");
        assertThat(withJobs.newWorkOrder(com.fielddesk.desktop.app.feature.WorkOrderRequest.forCustomer(true,
                java.util.UUID.fromString("00000000-0000-0000-0000-000000000042")))).isEmpty();
        assertThat(withJobs.currentProperty().get()).isEqualTo(jobs);
        assertThat(calls).contains("jobs starts a new quote for 00000000-0000-0000-0000-000000000042");
        assertThat(withJobs.back()).isTrue();
        assertThat(withJobs.currentProperty().get()).isEqualTo(customers);
        assertThat(navigator.newWorkOrder(com.fielddesk.desktop.app.feature.WorkOrderRequest.blank(false)))
                .as("a console without a jobs section says so").contains(
                        "The console has no jobs screen yet, so a job cannot be created here.");
    }

    @Test
    void aRecordTheSectionCannotShowSaysWhyAndStaysPut() {
        navigator.start(feature -> feature.create(null), Role.DISPATCHER);
        assertThat(navigator.open(new RecordRef(RecordKind.LEAD, "gone"))).contains("The lead gone is gone.");
        assertThat(navigator.canGoBackProperty().get()).isFalse();
    }

    @Test
    void backAndForwardWalkThePlacesVisitedAcrossSections() {
        navigator.start(feature -> feature.create(null), Role.ADMIN);
        navigator.open(new RecordRef(RecordKind.LEAD, "l-1"));
        navigator.show("audit");
        navigator.open(new RecordRef(RecordKind.CUSTOMER, "c-7"));
        calls.clear();

        assertThat(navigator.back()).isTrue();
        assertThat(navigator.currentProperty().get()).isEqualTo(audit);
        assertThat(navigator.back()).isTrue();
        assertThat(navigator.currentProperty().get()).isEqualTo(leads);
        assertThat(calls).as("going back to a record shows it again").containsExactly("leads opens l-1");
        assertThat(navigator.canGoForwardProperty().get()).isTrue();

        assertThat(navigator.forward()).isTrue();
        assertThat(navigator.forward()).isTrue();
        assertThat(navigator.currentProperty().get()).isEqualTo(customers);
        assertThat(calls).endsWith("customers opens c-7");
        assertThat(navigator.forward()).isFalse();

        navigator.back();
        navigator.show("leads");
        assertThat(navigator.canGoForwardProperty().get()).as("a new place forgets what was ahead").isFalse();
    }

    @Test
    void whenTheRoleTurnsOutNotToSeeASectionItGoesWithItsHistory() {
        navigator.start(feature -> feature.create(null), null);
        assertThat(navigator.visibleFeatures()).as("until the role is known, every section shows")
                .containsExactly(leads, audit, customers);
        navigator.show("audit");
        navigator.roleChanged(Role.DISPATCHER);
        assertThat(navigator.visibleFeatures()).containsExactly(leads, customers);
        assertThat(navigator.currentProperty().get()).isEqualTo(leads);
        assertThat(navigator.canGoBackProperty().get()).as("the audit log left the history; Back would stay on Leads")
                .isFalse();

        navigator.roleChanged(Role.TECHNICIAN);
        assertThat(navigator.visibleFeatures()).isEmpty();
        assertThat(navigator.currentProperty().get()).isNull();
        assertThat(navigator.open(new RecordRef(RecordKind.LEAD, "l-1")))
                .contains("Your role cannot open lead records in the console.");
    }

    @Test
    void closingClosesEveryScreenMade() {
        navigator.start(feature -> feature.create(null), Role.ADMIN);
        navigator.show("customers");
        navigator.close();
        assertThat(calls).contains("close leads", "close customers").doesNotContain("close audit");
    }

    private Feature feature(String id, String title, Set<Role> roles, RecordKind... opens) {
        return Feature.section(id, title).group("Test").icon(id.equals("audit") ? Material2MZ.SECURITY : Material2AL.INBOX)
                .visibleTo(Set.copyOf(roles)).opens(opens).screen(context -> {
                    calls.add("make " + id);
                    return new FeatureScreen() {
                        @Override
                        public Node node() {
                            return null;
                        }

                        @Override
                        public void start() {
                            calls.add("start " + id);
                        }

                        @Override
                        public Optional<String> open(RecordRef record) {
                            if (record.id().equals("gone")) {
                                return Optional.of("The lead gone is gone.");
                            }
                            calls.add(id + " opens " + record.id());
                            return Optional.empty();
                        }

                        @Override
                        public Optional<String> newWorkOrder(com.fielddesk.desktop.app.feature.WorkOrderRequest request) {
                            calls.add(id + " starts a new " + (request.quote() ? "quote" : "job") + " for "
                                    + request.customer().map(Object::toString).orElse("nobody"));
                            return Optional.empty();
                        }

                        @Override
                        public void close() {
                            calls.add("close " + id);
                        }
                    };
                });
    }
}
