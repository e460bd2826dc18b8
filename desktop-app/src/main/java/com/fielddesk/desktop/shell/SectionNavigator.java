package com.fielddesk.desktop.shell;

import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.desktop.app.feature.Navigator;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.desktop.app.feature.WorkOrderRequest;
import com.fielddesk.domain.common.Role;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The console's navigation: which sections this user sees (the registry's features for their
 * role), which one is open, opening a record by kind and id in the section that opens it, and
 * Back/Forward through the places visited (section and record), across sections. Each section's
 * screen is made, and started, the first time it is shown; all are closed with the session.
 * State only (no nodes): the shell's view shows it. Use from the FX thread.
 */
public final class SectionNavigator implements Navigator, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SectionNavigator.class);

    /** Where the user was: a section, and the record it showed (null: the section as it was). */
    public record Place(Feature feature, RecordRef record) {
    }

    private final List<Feature> features;
    private final ObservableList<Feature> visible = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call would hold its listeners only weakly. */
    private final ObservableList<Feature> visibleView = FXCollections.unmodifiableObservableList(visible);
    private final ReadOnlyObjectWrapper<Feature> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper();
    private final Deque<Place> back = new ArrayDeque<>();
    private final Deque<Place> forward = new ArrayDeque<>();
    private final Map<String, FeatureScreen> screens = new LinkedHashMap<>();
    private final SectionCounts counts;
    private final SectionArrivals arrivals;
    private Function<Feature, FeatureScreen> makeScreen;
    private Place here;
    private Role role;

    /** @param features the registry's features, in navigation order */
    public SectionNavigator(List<Feature> features) {
        Set<String> ids = new HashSet<>();
        for (Feature feature : features) {
            if (!ids.add(feature.id())) {
                throw new IllegalArgumentException("Two sections have the id " + feature.id());
            }
        }
        this.features = List.copyOf(features);
        this.counts = new SectionCounts(this.features, id -> visible.stream().anyMatch(feature -> feature.id().equals(id)));
        this.arrivals = new SectionArrivals(this.features, id -> visible.stream().anyMatch(feature -> feature.id().equals(id)));
    }

    /** The numbers the sections publish (unread messages…), for the navigation and the window title. */
    public SectionCounts counts() {
        return counts;
    }

    /** What the sections announce (a customer's message, a colleague's note), for a notification on every screen. */
    public SectionArrivals arrivals() {
        return arrivals;
    }

    /**
     * Shows the first section this role sees. {@code makeScreen} makes a section's screen for this
     * session (the composition root passes the session's services to the feature).
     */
    public void start(Function<Feature, FeatureScreen> screenMaker, Role initialRole) {
        this.makeScreen = Objects.requireNonNull(screenMaker);
        roleChanged(initialRole);
        if (here == null && !visible.isEmpty()) {
            go(new Place(visible.get(0), null));
        }
    }

    /** The role became known or changed: sections it may not see go, with their history entries. */
    public void roleChanged(Role newRole) {
        this.role = newRole;
        visible.setAll(features.stream().filter(feature -> feature.visibleTo(newRole)).toList());
        counts.updateTotal();
        back.removeIf(place -> !visible.contains(place.feature()));
        forward.removeIf(place -> !visible.contains(place.feature()));
        if (here != null && !visible.contains(here.feature())) {
            here = null;
            current.set(null);
            if (!visible.isEmpty()) {
                go(new Place(visible.get(0), null));
            }
        }
        // Back must lead somewhere else: drop entries that now equal where the user is.
        while (!back.isEmpty() && back.peek().equals(here)) {
            back.pop();
        }
        updateHistoryFlags();
    }

    @Override
    public Optional<String> open(RecordRef record) {
        Optional<Feature> opener = visible.stream().filter(feature -> feature.opens().contains(record.kind())).findFirst();
        if (opener.isEmpty()) {
            boolean hiddenByRole = features.stream().anyMatch(feature -> feature.opens().contains(record.kind()));
            String noun = record.kind().noun();
            return Optional.of(hiddenByRole ? "Your role cannot open " + noun + " records in the console."
                    : "The console has no " + noun + " screen yet, so this " + noun + " cannot be opened here.");
        }
        Optional<String> notShown = screen(opener.get()).open(record);
        if (notShown.isPresent()) {
            return notShown;
        }
        go(new Place(opener.get(), record));
        return Optional.empty();
    }

    /** The section that opens jobs shows its new-work-order form; Back returns to where the user was. */
    @Override
    public Optional<String> newWorkOrder(WorkOrderRequest request) {
        Optional<Feature> jobs = visible.stream().filter(feature -> feature.opens().contains(RecordKind.JOB)).findFirst();
        if (jobs.isEmpty()) {
            return Optional.of(features.stream().anyMatch(feature -> feature.opens().contains(RecordKind.JOB))
                    ? "Your role cannot create jobs or quotes in the console."
                    : "The console has no jobs screen yet, so a job cannot be created here.");
        }
        Optional<String> notShown = screen(jobs.get()).newWorkOrder(request);
        if (notShown.isPresent()) {
            return notShown;
        }
        if (here == null || !here.feature().equals(jobs.get()) || here.record() != null) {
            go(new Place(jobs.get(), null));
        }
        return Optional.empty();
    }

    @Override
    public boolean canOpen(RecordKind kind) {
        return visible.stream().anyMatch(feature -> feature.opens().contains(kind));
    }

    @Override
    public void show(String featureId) {
        Feature feature = visible.stream().filter(f -> f.id().equals(featureId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No visible section " + featureId));
        if (here == null || !here.feature().equals(feature)) {
            go(new Place(feature, null));
        }
    }

    @Override
    public boolean back() {
        if (back.isEmpty()) {
            return false;
        }
        forward.push(here);
        returnTo(back.pop());
        return true;
    }

    @Override
    public boolean forward() {
        if (forward.isEmpty()) {
            return false;
        }
        back.push(here);
        returnTo(forward.pop());
        return true;
    }

    /** The screen of a section, made and started the first time it is asked for. */
    public FeatureScreen screen(Feature feature) {
        FeatureScreen screen = screens.get(feature.id());
        if (screen == null) {
            if (makeScreen == null) {
                throw new IllegalStateException("The navigator is not started");
            }
            screen = makeScreen.apply(feature);
            screens.put(feature.id(), screen);
            screen.start();
        }
        return screen;
    }

    /** A new place: the current one goes into Back, Forward is forgotten. */
    private void go(Place place) {
        if (place.equals(here)) {
            return;
        }
        if (here != null && !here.equals(back.peek())) {
            back.push(here);
        }
        forward.clear();
        arrive(place);
    }

    /**
     * Makes {@code place} the current one. A new place's record was already shown by whoever asked for
     * it ({@link #open}); showing it again here made every opened record load twice.
     */
    private void arrive(Place place) {
        here = place;
        screen(place.feature());
        current.set(place.feature());
        updateHistoryFlags();
    }

    /** Back or Forward: the place's record is shown again, as it may have been left for another. */
    private void returnTo(Place place) {
        arrive(place);
        if (place.record() != null) {
            screen(place.feature()).open(place.record()).ifPresent(why ->
                    // Back to a record that has gone since: the section shows without it.
                    log.info("Could not show {} again: {}", place.record(), why));
        }
    }

    private void updateHistoryFlags() {
        canGoBack.set(!back.isEmpty());
        canGoForward.set(!forward.isEmpty());
    }

    /** The role the sections are shown for (null while not known). */
    public Role role() {
        return role;
    }

    /** The sections this user sees, in navigation order. */
    public ObservableList<Feature> visibleFeatures() {
        return visibleView;
    }

    /** The open section (null when the role sees none). */
    public ReadOnlyObjectProperty<Feature> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    /** Closes every screen made for this session. */
    @Override
    public void close() {
        counts.close();
        arrivals.close();
        RuntimeException failure = null;
        for (FeatureScreen screen : screens.values()) {
            try {
                screen.close();
            } catch (RuntimeException e) {
                log.warn("A section did not close cleanly", e);
                if (failure == null) {
                    failure = e;
                }
            }
        }
        screens.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
