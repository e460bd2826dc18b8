package com.fielddesk.desktop.ui;

import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormStateTest {

    private final FormState form = new FormState();
    private final StringProperty name = form.track(new SimpleStringProperty("Pat Customer"));
    private final SimpleObjectProperty<Integer> visits = form.track(new SimpleObjectProperty<>(3));

    @Test
    void dirtyWhileAValueDiffersFromWhatWasSaved() {
        assertThat(form.isDirty()).isFalse();
        name.set("Pat Customer-Smith");
        assertThat(form.isDirty()).isTrue();
        name.set("Pat Customer");
        assertThat(form.isDirty()).as("typed back to the saved value").isFalse();
        visits.set(4);
        assertThat(form.isDirty()).isTrue();
    }

    @Test
    void revertPutsTheSavedValuesBack() {
        name.set("Someone else");
        visits.set(9);
        form.revert();
        assertThat(name.get()).isEqualTo("Pat Customer");
        assertThat(visits.get()).isEqualTo(3);
        assertThat(form.isDirty()).isFalse();
    }

    @Test
    void aSaveMakesTheCurrentValuesTheBaseline() {
        name.set("Pat Smith");
        form.markSaved();
        assertThat(form.isDirty()).isFalse();
        name.set("Pat");
        form.revert();
        assertThat(name.get()).isEqualTo("Pat Smith");
    }

    @Test
    void anEmptyTextIsTheSameAsNoText() {
        StringProperty notes = form.track(new SimpleStringProperty(null));
        notes.set("");
        assertThat(form.isDirty()).isFalse();
    }
}
