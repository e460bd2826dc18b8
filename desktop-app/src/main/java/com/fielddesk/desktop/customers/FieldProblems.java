package com.fielddesk.desktop.customers;

import com.fielddesk.domain.common.FieldError;

import java.util.List;
import java.util.Optional;

/** The domain's field errors, read one field at a time (the form shows each beside its field). */
final class FieldProblems {

    private FieldProblems() {
    }

    static Optional<String> of(List<FieldError> errors, String field) {
        return errors.stream().filter(error -> error.field().equals(field)).map(FieldError::message).findFirst();
    }
}
