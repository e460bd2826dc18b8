package com.fielddesk.desktop.messages;

import com.fielddesk.cache.query.Table;
import com.fielddesk.desktop.app.feature.Arrival;
import com.fielddesk.desktop.app.feature.ArrivalSource;
import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.desktop.app.feature.SectionCount;
import com.fielddesk.desktop.ui.Lines;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.messages.CustomerThreadId;
import com.fielddesk.domain.messages.MessageArrival;
import com.fielddesk.domain.messages.MessagesRepository;
import javafx.scene.Node;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sales → Messages as a console section, for office staff; opens customer threads by id (a customer's threads)
 * and publishes the signed-in user's unread messages (customer and internal) for the navigation and the window title,
 * and announces a customer's message or a colleague's note as it arrives, on every screen.
 */
public final class MessagesFeature {

    public static final String ID = "messages";

    private MessagesFeature() {
    }

    /** {@code refused}: what Resend and Discard of a message the server refused do (the sync engine). */
    public static Feature feature(MessagesRepository messages, RefusedMessages refused) {
        Set<String> tables = Stream.concat(MessagesRepository.CUSTOMER_READS.stream(), MessagesRepository.INTERNAL_READS.stream())
                .map(Table::name).collect(Collectors.toSet());
        return Feature.section(ID, "Messages").group("Sales").icon(Material2MZ.MAIL)
                .visibleTo(Role.OFFICE_STAFF)
                .opens(RecordKind.MESSAGE_THREAD)
                .counts(new SectionCount(() -> messages.unreadTotal() + messages.internalUnreadTotal(), tables))
                .announces(new ArrivalSource(after -> messages.arrivalsSince(after, ARRIVALS_PER_READ).stream()
                        .map(MessagesFeature::announcement).toList(), tables))
                .screen(context -> new Screen(context, messages, refused));
    }

    /** Enough to announce the newest; older ones in the same sync are counted on the nav item. */
    private static final int ARRIVALS_PER_READ = 5;

    /** "New message from Zoë Łódź: Is 10 still ok?" or "Internal note from Dana (Parts for #42): …". */
    static Arrival announcement(MessageArrival arrival) {
        // The excerpt is one line already; a name or subject typed with line breaks is made so here.
        String from = Lines.oneLine(arrival.from());
        String where = Lines.oneLine(arrival.where());
        String text = arrival.internal()
                ? "Internal note from " + from + (where.isEmpty() ? "" : " (" + where + ")")
                : "New message from " + from;
        return new Arrival(arrival.at(), text + (arrival.excerpt().isBlank() ? "" : ": " + arrival.excerpt()),
                new RecordRef(RecordKind.MESSAGE_THREAD, arrival.thread().toString()));
    }

    private static final class Screen implements FeatureScreen {
        private final MessagesViewModel model;
        private final MessagesView view;

        Screen(FeatureContext context, MessagesRepository messages, RefusedMessages refused) {
            model = new MessagesViewModel(messages, refused, context.tasks(), context.changes());
            view = new MessagesView(model, context.formats());
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
                model.open(CustomerThreadId.parse(record.id()).value());
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of("This thread reference is not valid.");
            }
        }

        @Override
        public void close() {
            model.close();
        }
    }
}
