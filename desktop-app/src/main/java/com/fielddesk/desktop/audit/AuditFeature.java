package com.fielddesk.desktop.audit;

import com.fielddesk.desktop.ui.SaveFileChooser;
import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.domain.audit.AuditCsv;
import com.fielddesk.domain.audit.AuditEvents;
import com.fielddesk.domain.audit.AuditRecordType;
import com.fielddesk.domain.audit.AuditRepository;
import com.fielddesk.domain.common.Role;
import javafx.scene.Node;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.Optional;
import java.util.UUID;

/**
 * Supervision → Audit log as a console section, for supervisors and admins only (the server's row
 * security refuses everyone else anyway): who changed what and when, filtered on the server, with
 * each entry's changes in words, Verify and CSV export.
 */
public final class AuditFeature {

    public static final String ID = "audit";

    private AuditFeature() {
    }

    public static Feature feature(AuditRepository audit, AuditEvents events) {
        return feature(audit, events, SaveFileChooser.csvDialog());
    }

    /** The same, asking where to save an export with {@code files} (tests answer without a dialog). */
    static Feature feature(AuditRepository audit, AuditEvents events, SaveFileChooser files) {
        return Feature.section(ID, "Audit log").group("Supervision").icon(Material2AL.FACT_CHECK)
                .visibleTo(Role.MANAGERS)
                .opens(RecordKind.CUSTOMER_HISTORY, RecordKind.JOB_HISTORY, RecordKind.INVOICE_HISTORY)
                .screen(context -> new Screen(context, audit, events, files));
    }

    private static final class Screen implements FeatureScreen {
        private final AuditViewModel model;
        private final AuditView view;

        Screen(FeatureContext context, AuditRepository audit, AuditEvents events, SaveFileChooser files) {
            model = new AuditViewModel(audit, new AuditCsv(audit, context.formats().zone()), events, context.tasks(),
                    context.formats(), context.settings()::offlineAuditDays);
            view = new AuditView(model, files);
        }

        @Override
        public Node node() {
            return view.node();
        }

        @Override
        public void start() {
            model.start();
            view.focusList();
        }

        /** A record's history ("History" on its screen): the log filtered to that one record, every other filter cleared. */
        @Override
        public Optional<String> open(RecordRef record) {
            Optional<String> table = switch (record.kind()) {
                case CUSTOMER_HISTORY -> Optional.of(AuditRecordType.CUSTOMERS.table());
                case JOB_HISTORY -> Optional.of(AuditRecordType.WORK_ORDERS.table());
                case INVOICE_HISTORY -> Optional.of(AuditRecordType.INVOICES.table());
                default -> Optional.empty();
            };
            if (table.isEmpty()) {
                return Optional.of("The audit log cannot open " + record.kind().noun() + " records.");
            }
            UUID id;
            try {
                id = UUID.fromString(record.id());
            } catch (IllegalArgumentException notAnId) {
                return Optional.of("This record has no id the audit log knows, so its history cannot be shown.");
            }
            model.showHistoryOf(table.get(), id);
            view.focusList();
            return Optional.empty();
        }

        @Override
        public void close() {
            model.close();
        }
    }
}
