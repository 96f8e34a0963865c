package io.voltstream.api.registry;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.model.EntityId;

/**
 * Request-side check of building, room and sensor identifiers: the {@link EntityId} rule, answered
 * with a 400 that names the field.
 */
public final class Names {
  private Names() {}

  /** Returns {@code name} or throws a 400 naming {@code field}. */
  public static String require(String field, String name) {
    if (name == null) {
      throw ApiException.badRequest(field + " is required", new FieldError(field, "required"));
    }
    if (!EntityId.isValid(name)) {
      throw ApiException.badRequest("invalid " + field, new FieldError(field, EntityId.RULE));
    }
    return name;
  }
}
