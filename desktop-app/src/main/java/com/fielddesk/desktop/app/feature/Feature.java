package com.fielddesk.desktop.app.feature;

import com.fielddesk.domain.common.Role;

import org.kordamp.ikonli.Ikon;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One console section as the registry lists it: its id, title, navigation group and icon, the
 * roles that see it, the record kinds it opens (Ctrl+K, links, notifications) and how its screen
 * is made for a session. Build one with {@link #section}.
 */
public record Feature(String id, String title, String group, Ikon icon, Set<Role> roles, Set<RecordKind> opens,
                      Optional<SectionCount> count, Optional<ArrivalSource> arrivals,
                      Function<FeatureContext, FeatureScreen> screen) {

    public Feature {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(group);
        Objects.requireNonNull(icon);
        roles = Set.copyOf(roles);
        opens = Set.copyOf(opens);
        Objects.requireNonNull(count);
        Objects.requireNonNull(arrivals);
        Objects.requireNonNull(screen);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("Section " + id + " is visible to nobody");
        }
    }

    /** Starts a registry entry: {@code Feature.section("leads", "Leads").group("Sales")…screen(…)}. */
    public static Builder section(String id, String title) {
        return new Builder(id, title);
    }

    /** Whether a person with this role sees the section (null: the role is not known yet — every section shows). */
    public boolean visibleTo(Role role) {
        return role == null || roles.contains(role);
    }

    public FeatureScreen create(FeatureContext context) {
        return screen.apply(context);
    }

    public static final class Builder {
        private final String id;
        private final String title;
        private String group = "";
        private Ikon icon;
        private Set<Role> roles = Role.OFFICE_STAFF;
        private Set<RecordKind> opens = Set.of();
        private Optional<SectionCount> count = Optional.empty();
        private Optional<ArrivalSource> arrivals = Optional.empty();

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder group(String navigationGroup) {
            this.group = navigationGroup;
            return this;
        }

        public Builder icon(Ikon sectionIcon) {
            this.icon = sectionIcon;
            return this;
        }

        /** Who sees the section (default: office staff). */
        public Builder visibleTo(Set<Role> whoSees) {
            this.roles = whoSees;
            return this;
        }

        /** The record kinds this section opens by id. */
        public Builder opens(RecordKind... kinds) {
            this.opens = Set.of(kinds);
            return this;
        }

        /** A number shown on the navigation item and summed into the window title (see {@link SectionCount}). */
        public Builder counts(SectionCount sectionCount) {
            this.count = Optional.of(sectionCount);
            return this;
        }

        /** Arrivals announced by a notification on every screen, its button opening the record (see {@link Arrival}). */
        public Builder announces(ArrivalSource arrivalSource) {
            this.arrivals = Optional.of(arrivalSource);
            return this;
        }

        public Feature screen(Function<FeatureContext, FeatureScreen> make) {
            return new Feature(id, title, group, icon, roles, opens, count, arrivals, make);
        }
    }
}
