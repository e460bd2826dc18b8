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
import com.fielddesk.domain.messages.MessagesRepository;
import javafx.scene.Node;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.Optional;

/** Dispatch → Jobs as a console section, for office staff; opens jobs and quotes by id (Ctrl+K, a customer's jobs). */
public final class JobsFeature {

    public static final String ID = "jobs";

    private JobsFeature() {
    }

    /**
     * @param jobs     the signed-in person's work orders over their cache (the composition root makes it)
     * @param customers their customers (the form's customer and address pickers)
     * @param messages their message threads (a job's detail lists its threads and starts new ones)
     */
    public static Feature feature(WorkOrderRepository jobs, CustomerRepository customers, MessagesRepository messages) {
        return Feature.section(ID, "Jobs").group("Dispatch").icon(Material2AL.BUILD)
                .visibleTo(Role.OFFICE_STAFF)
                .opens(RecordKind.JOB)
                .screen(context -> new Screen(context, jobs, customers, messages));
    }

    private static final class Screen implements FeatureScreen {
        private final JobsViewModel model;
        private final JobsView view;

        Screen(FeatureContext context, WorkOrderRepository jobs, CustomerRepository customers, MessagesRepository messages) {
            model = new JobsViewModel(jobs, customers, messages, context.tasks(), context.changes(), context.navigator(),
                    context.formats());
            view = new JobsView(model);
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
                return Optional.of("This job reference is not valid.");
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
