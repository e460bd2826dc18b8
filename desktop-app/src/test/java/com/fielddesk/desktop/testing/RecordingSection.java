package com.fielddesk.desktop.testing;

import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.domain.common.Role;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands for another section in a feature test: it opens {@code kinds} for every office role and
 * records what it was asked to show, so a test checks what a button asks of the navigator without
 * that section's own set-up (its screen is tested on its own).
 */
public final class RecordingSection {

    private final List<RecordRef> asked = new CopyOnWriteArrayList<>();
    private final Feature feature;

    public RecordingSection(String id, RecordKind... kinds) {
        feature = Feature.section(id, id).group("Recording").icon(Material2AL.HISTORY).visibleTo(Role.OFFICE_STAFF)
                .opens(kinds)
                .screen(context -> new FeatureScreen() {
                    private final Node node = new Pane();

                    @Override
                    public Node node() {
                        return node;
                    }

                    @Override
                    public Optional<String> open(RecordRef record) {
                        asked.add(record);
                        return Optional.empty();
                    }

                    @Override
                    public void close() {
                    }
                });
    }

    public Feature feature() {
        return feature;
    }

    /** What the navigator asked this section to show (it asks twice per open: may it, then on arrival). */
    public List<RecordRef> asked() {
        return List.copyOf(asked);
    }
}
