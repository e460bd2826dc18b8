package com.fielddesk.desktop.jobs;

import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.desktop.app.feature.WorkOrderRequest;
import com.fielddesk.domain.customers.CustomerRepository;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.jobs.WorkOrderId;
import com.fielddesk.domain.jobs.WorkOrderRepository;
import com.fielddesk.domain.jobs.WorkOrderStage;
import com.fielddesk.domain.messages.MessagesRepository;
import javafx.scene.Node;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Optional;

/**
 * Sales → Jobs and Sales → Quotes as console sections, for office staff: one list-and-detail
 * implementation given the stage. Jobs opens work orders by id (Ctrl+K, a customer's jobs, the
 * board) and holds the new-work-order form; both open the same work order detail.
 */
public final class JobsFeature {

    public static final String ID = "jobs";
    public static final String QUOTES_ID = "quotes";

    private JobsFeature() {
    }

    /**
     * @param jobs     the signed-in person's work orders over their cache (the composition root makes it)
     * @param customers their customers (the form's customer and address pickers)
     * @param messages their message threads (a job's detail lists its threads and starts new ones)
     */
    public static Feature feature(WorkOrderRepository jobs, CustomerRepository customers, MessagesRepository messages) {
        return Feature.section(ID, "Jobs").group("Sales").icon(Material2AL.BUILD)
                .visibleTo(Role.OFFICE_STAFF)
                .opens(RecordKind.JOB)
                .screen(context -> new Screen(WorkOrderStage.JOB, context, jobs, customers, messages));
    }

    /**
     * The same for quotes: quote status, total and age; accepting one makes it a job (it then leaves
     * this list). It opens quotes by id (a quote found with Ctrl+K lands here, not in Jobs).
     */
    public static Feature quotes(WorkOrderRepository jobs, CustomerRepository customers, MessagesRepository messages) {
        return Feature.section(QUOTES_ID, "Quotes").group("Sales").icon(Material2MZ.REQUEST_QUOTE)
                .visibleTo(Role.OFFICE_STAFF)
                .opens(RecordKind.QUOTE)
                .screen(context -> new Screen(WorkOrderStage.QUOTE, context, jobs, customers, messages));
    }

    private static final class Screen implements FeatureScreen {
        private final JobsViewModel model;
        private final JobsView view;

        Screen(WorkOrderStage stage, FeatureContext context, WorkOrderRepository jobs, CustomerRepository customers,
               MessagesRepository messages) {
            model = new JobsViewModel(stage, jobs, customers, messages, context.tasks(), context.changes(),
                    context.navigator(), context.formats());
            view = new JobsView(model, context.settings());
        }

        @Override
        public Node node() {
            return view.node();
        }

        @Override
        public void start() {
            model.start();
            view.focusSearch();
        }

        @Override
        public Optional<String> open(RecordRef record) {
            try {
                model.show(WorkOrderId.parse(record.id()));
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of("This " + record.kind().noun() + " reference is not valid.");
            }
        }

        @Override
        public Optional<String> newWorkOrder(WorkOrderRequest request) {
            model.newWorkOrder(request);
            return Optional.empty();
        }

        @Override
        public void close() {
            model.close();
        }
    }
}
