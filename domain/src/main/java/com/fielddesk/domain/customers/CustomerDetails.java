package com.fielddesk.domain.customers;

import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.common.TextRules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A customer's contact fields as a form edits them, cleaned (surrounding spaces off, blank = none)
 * and checked against the server's constraints on {@code customers} (name 1–200 characters, email
 * ≤ 320, phone ≤ 40, notes ≤ 4000) plus two checks the office expects: an email looks like one and
 * a phone number has digits.
 */
public record CustomerDetails(String fullName, String email, String phone, String notes) {

    /** Something@something, no spaces: enough to catch a name typed into the email field. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");

    public CustomerDetails {
        fullName = TextRules.clean(fullName);
        email = TextRules.clean(email);
        phone = TextRules.clean(phone);
        notes = TextRules.clean(notes);
    }

    /** What keeps these fields from being saved, field by field; empty when they can be. */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        TextRules.required(errors, "fullName", "the name", fullName, 200);
        TextRules.atMost(errors, "email", "the email", email, 320);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "The email does not look like an address (name@example.com)."));
        }
        TextRules.atMost(errors, "phone", "the phone number", phone, 40);
        if (phone != null && !HAS_DIGIT.matcher(phone).matches()) {
            errors.add(new FieldError("phone", "The phone number has no digits."));
        }
        TextRules.atMost(errors, "notes", "the notes", notes, 4000);
        return errors;
    }
}
