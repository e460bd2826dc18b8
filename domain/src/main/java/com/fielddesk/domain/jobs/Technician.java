package com.fielddesk.domain.jobs;

import java.util.Optional;
import java.util.UUID;

/** An active technician of the company: a lane on the dispatch board. */
public record Technician(UUID id, String name, Optional<String> color) {
}
