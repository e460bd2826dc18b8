package com.fielddesk.desktop.board;

import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.jobs.WorkOrderRepository;
import org.kordamp.ikonli.material2.Material2MZ;

/** Dispatch → Board: the jobs as a kanban by status, for office staff. */
public final class BoardFeature {

    public static final String ID = "board";

    private BoardFeature() {
    }

    public static Feature feature(WorkOrderRepository jobs) {
        return Feature.section(ID, "Board").group("Dispatch").icon(Material2MZ.VIEW_COLUMN)
                .visibleTo(Role.OFFICE_STAFF)
                .screen(context -> {
                    BoardViewModel model = new BoardViewModel(jobs, context.tasks(), context.changes(), context.sync(),
                            context.navigator(), context.formats());
                    BoardView view = new BoardView(model);
                    return FeatureScreen.of(view.node(), () -> {
                        model.start();
                        view.focusSearch();
                    }, model::close);
                });
    }
}
