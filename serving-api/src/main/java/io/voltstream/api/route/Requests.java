package io.voltstream.api.route;

import io.javalin.http.Context;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;

/**
 * Small edge helpers shared by controllers: JSON bodies and boolean query flags, failing as 400s.
 */
public final class Requests {
  private Requests() {}

  /** The JSON body as {@code type}; an empty or {@code null} body is a 400. */
  public static <T> T body(Context ctx, Class<T> type) {
    if (ctx.body().isBlank()) {
      throw ApiException.badRequest("a JSON body is required", new FieldError("body", "required"));
    }
    // Javalin's bodyAsClass throws a NullPointerException (a 500) for the body `null`: refuse it
    // here
    T value = ctx.body().strip().equals("null") ? null : ctx.bodyAsClass(type);
    if (value == null) {
      throw ApiException.badRequest(
          "a JSON object is required", new FieldError("body", "must be a JSON object"));
    }
    return value;
  }

  /** {@code ?name=true|false}, false when absent; anything else is a 400. */
  public static boolean flag(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return false;
    }
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw ApiException.badRequest("invalid " + name, new FieldError(name, "must be true or false"));
  }
}
