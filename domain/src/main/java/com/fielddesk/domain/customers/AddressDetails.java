package com.fielddesk.domain.customers;

import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.common.TextRules;

import java.util.ArrayList;
import java.util.List;

/**
 * A service address as a form edits it, cleaned and checked against the server's constraints on
 * {@code customer_addresses}: street 1–300 characters and postal code 1–12 are required; label ≤ 60,
 * city ≤ 100, region ≤ 100, access notes ≤ 1000.
 */
public record AddressDetails(String label, String street, String city, String region, String postalCode,
                             String accessNotes) {

    public AddressDetails {
        label = TextRules.clean(label);
        street = TextRules.clean(street);
        city = TextRules.clean(city);
        region = TextRules.clean(region);
        postalCode = TextRules.clean(postalCode);
        accessNotes = TextRules.clean(accessNotes);
    }

    /** What keeps this address from being saved, field by field; empty when it can be. */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        TextRules.atMost(errors, "label", "the label", label, 60);
        TextRules.required(errors, "street", "the street", street, 300);
        TextRules.atMost(errors, "city", "the city", city, 100);
        TextRules.atMost(errors, "region", "the region", region, 100);
        TextRules.required(errors, "postalCode", "the postal code", postalCode, 12);
        TextRules.atMost(errors, "accessNotes", "the access notes", accessNotes, 1000);
        return errors;
    }

    /** "12 Elm St, Portland 97201" — for lists and pickers. */
    public String oneLine() {
        StringBuilder text = new StringBuilder(street == null ? "" : street);
        String place = String.join(" ", nonNull(city), nonNull(postalCode)).strip();
        if (!place.isEmpty()) {
            text.append(text.length() == 0 ? "" : ", ").append(place);
        }
        return text.toString();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
