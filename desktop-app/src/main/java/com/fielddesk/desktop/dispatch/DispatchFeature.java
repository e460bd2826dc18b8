package com.fielddesk.desktop.dispatch;

import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.jobs.WorkOrderRepository;
import org.kordamp.ikonli.material2.Material2MZ;

/** Dispatch → Day: a lane per technician on the company's day, the tray beside it, and the week. */
public final class DispatchFeature {

    public static final String ID = "dispatch-day";

    private DispatchFeature() {
    }

    public static Feature feature(WorkOrderRepository jobs) {
        return Feature.section(ID, "Day").group("Dispatch").icon(Material2MZ.VIEW_DAY)
                .visibleTo(Role.OFFICE_STAFF)
                .screen(context -> {
                    DispatchViewModel model = new DispatchViewModel(jobs, context.tasks(), context.changes(), context.sync(),
                            context.navigator(), context.formats(), context.clock(), context.settings()::boardSnapMinutes);
                    DispatchView view = new DispatchView(model);
                    return FeatureScreen.of(view.node(), () -> {
                        model.start();
                        view.focusDate();
                    }, model::close);
                });
    }
}
