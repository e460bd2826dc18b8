package com.fielddesk.domain.common;

/**
 * Why one field of a form cannot be saved, in words for the person typing, so the form shows it
 * beside the field before anything is queued.
 *
 * @param field   the field's name as the record calls it ({@code "fullName"})
 * @param message one sentence ("The name is required.")
 */
public record FieldError(String field, String message) {
}
