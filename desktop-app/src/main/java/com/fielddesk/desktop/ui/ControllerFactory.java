package com.fielddesk.desktop.ui;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Makes the controllers of FXML views. The composition root registers how each controller is built
 * (with its ViewModel and services, by constructor), so a controller never reaches for a static
 * or builds its own services; FXML naming a controller nobody registered is an error, not a
 * reflective {@code new}.
 */
public final class ControllerFactory implements Callback<Class<?>, Object> {

    /** A loaded view: its root node and the controller the factory made for it. */
    public record Loaded<C>(Parent root, C controller) {
    }

    private final Map<Class<?>, Supplier<?>> makers = new HashMap<>();

    public <C> ControllerFactory with(Class<C> type, Supplier<? extends C> make) {
        makers.put(Objects.requireNonNull(type), Objects.requireNonNull(make));
        return this;
    }

    @Override
    public Object call(Class<?> type) {
        Supplier<?> make = makers.get(type);
        if (make == null) {
            throw new IllegalStateException("No controller registered for " + type.getName()
                    + "; register it where the view is wired");
        }
        return make.get();
    }

    /** Loads {@code fxml} (a resource next to {@code owner}) with controllers from this factory. */
    public <C> Loaded<C> load(Class<?> owner, String fxml) {
        URL location = owner.getResource(fxml);
        if (location == null) {
            throw new IllegalStateException(fxml + " is not next to " + owner.getName());
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setControllerFactory(this);
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + location, e);
        }
    }
}
