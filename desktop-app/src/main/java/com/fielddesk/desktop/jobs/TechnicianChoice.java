package com.fielddesk.desktop.jobs;

import com.fielddesk.domain.jobs.Technician;

import java.util.Optional;
import java.util.UUID;

/** The list's technician filter: anyone, nobody assigned, or one technician. */
record TechnicianChoice(Optional<UUID> id, boolean unassigned, String label) {

    static final TechnicianChoice ANYONE = new TechnicianChoice(Optional.empty(), false, "Any technician");
    static final TechnicianChoice NOBODY = new TechnicianChoice(Optional.empty(), true, "Nobody assigned");

    static TechnicianChoice of(Technician technician) {
        return new TechnicianChoice(Optional.of(technician.id()), false, technician.name());
    }

    @Override
    public String toString() {
        return label;
    }
}
