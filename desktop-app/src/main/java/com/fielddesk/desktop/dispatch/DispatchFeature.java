package com.fielddesk.desktop.dispatch;

import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.jobs.WorkOrderRepository;
import javafx.scene.Node;
import org.kordamp.ikonli.material2.Material2MZ;

/** Dispatch → Day: a lane per technician on the company's day, the tray beside it. */
public final class DispatchFeature {

    public static final String ID = "dispatch-day";

    private DispatchFeature() {
    }

    public static Feature feature(WorkOrderRepository jobs) {
        return Feature.section(ID, "Day").group("Dispatch").icon(Material2MZ.VIEW_DAY)
                .visibleTo(Role.OFFICE_STAFF)
                .screen(context -> new Screen(context, jobs));
    }

    private static final class Screen implements FeatureScreen {
        private final DispatchViewModel model;
        private final DispatchView view;

        Screen(FeatureContext context, WorkOrderRepository jobs) {
            model = new DispatchViewModel(jobs, context.tasks(), context.changes(), context.navigator(), context.formats(),
                    context.clock());
            view = new DispatchView(model);
        }

        @Override
        public Node node() {
            return view.node();
        }

        @Override
        public void start() {
            model.start();
            view.focusDate();
        }

        @Override
        public void close() {
            model.close();
        }
    }
}
