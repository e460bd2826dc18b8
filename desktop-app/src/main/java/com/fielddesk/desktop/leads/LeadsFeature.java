package com.fielddesk.desktop.leads;

import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.leads.LeadsRepository;
import javafx.scene.Node;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.Optional;

/** Sales → Leads as a console section: the pool and My leads, for office staff; opens leads by id. */
public final class LeadsFeature {

    public static final String ID = "leads";

    private LeadsFeature() {
    }

    /**
     * @param leads   the leads in the signed-in person's cache (the composition root makes it)
     * @param actions claim and decline (they need the server, so the composition root supplies them)
     */
    public static Feature feature(LeadsRepository leads, LeadActions actions) {
        return Feature.section(ID, "Leads").group("Sales").icon(Material2AL.INBOX)
                .visibleTo(Role.OFFICE_STAFF)
                .opens(RecordKind.LEAD)
                .screen(context -> new Screen(context, leads, actions));
    }

    private static final class Screen implements FeatureScreen {
        private final LeadPoolViewModel viewModel;
        private final LeadsView view;

        Screen(FeatureContext context, LeadsRepository leads, LeadActions actions) {
            viewModel = new LeadPoolViewModel(leads, context.changes(), actions,
                    context.sync(), context.tasks(), context.clock(), context.chime(), context.navigator()::newWorkOrder);
            view = new LeadsView(viewModel, context.formats(), context.settings());
        }

        @Override
        public Node node() {
            return view.node();
        }

        @Override
        public void start() {
            viewModel.start();
        }

        @Override
        public Optional<String> open(RecordRef record) {
            return viewModel.showLead(record.id()) ? Optional.empty()
                    : Optional.of("This lead is no longer in the pool or My leads (claimed elsewhere, declined or expired).");
        }

        @Override
        public void close() {
            view.dispose();
            viewModel.close();
        }
    }
}
