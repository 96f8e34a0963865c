package io.voltstream.api.error;

/** One invalid input of a 400/422 problem: the field's wire name and what is wrong with it. */
public record FieldError(String field, String message) {}
