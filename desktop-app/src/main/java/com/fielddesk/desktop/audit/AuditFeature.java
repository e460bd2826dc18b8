package com.fielddesk.desktop.audit;

import com.fielddesk.desktop.ui.SaveFileChooser;
import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.domain.audit.AuditCsv;
import com.fielddesk.domain.audit.AuditEvents;
import com.fielddesk.domain.audit.AuditRepository;
import com.fielddesk.domain.common.Role;
import javafx.scene.Node;
import org.kordamp.ikonli.material2.Material2AL;

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
                .screen(context -> new Screen(context, audit, events, files));
    }

    private static final class Screen implements FeatureScreen {
        private final AuditViewModel model;
        private final AuditView view;

        Screen(FeatureContext context, AuditRepository audit, AuditEvents events, SaveFileChooser files) {
            model = new AuditViewModel(audit, new AuditCsv(audit, context.formats().zone()), events, context.tasks(),
                    context.formats());
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

        @Override
        public void close() {
            model.close();
        }
    }
}
