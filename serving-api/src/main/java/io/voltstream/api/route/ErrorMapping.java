package io.voltstream.api.route;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import io.voltstream.api.auth.AuthException;
import io.voltstream.api.auth.RateLimitedException;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.error.Problem;
import io.voltstream.api.store.StoreUnavailableException;
import io.voltstream.energy.EnergyValidationException;
import io.voltstream.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to an RFC 9457 problem document ({@code application/problem+json}): domain
 * {@link ApiException}s, authentication, rate limits, Javalin's own responses (404, 405, 413…),
 * validation and JSON parse errors (400 naming the field), and anything unexpected as a 500 whose
 * {@code error_id} is logged with the stack trace, which never reaches the client.
 */
public final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  public static void register(RoutesConfig routes) {
    routes.exception(
        ApiException.class,
        (e, ctx) ->
            write(ctx, e.kind().status(), e.kind().title(), e.getMessage(), e.errors(), null));
    routes.exception(
        AuthException.class,
        (e, ctx) -> {
          ctx.header(
              "WWW-Authenticate",
              "Bearer error=\"invalid_token\", error_description=\"" + e.reason().text() + "\"");
          write(ctx, 401, "Unauthorized", e.reason().text(), List.of(), null);
        });
    routes.exception(
        RateLimitedException.class,
        (e, ctx) -> {
          ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
          write(ctx, 429, "Too Many Requests", e.getMessage(), List.of(), null);
        });
    routes.exception(
        StoreUnavailableException.class,
        (e, ctx) -> {
          LOG.warn("store unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
          ctx.header("Retry-After", "5");
          write(
              ctx,
              503,
              "Service Unavailable",
              "Kafka did not confirm the change in time; retry",
              List.of(),
              null);
        });
    routes.exception(
        ValidationException.class,
        (e, ctx) -> write(ctx, 400, "Bad Request", "invalid request", fieldErrors(e), null));
    routes.exception(
        JacksonException.class,
        (e, ctx) -> {
          // A body that parsed but broke an energy record's rule (thrown from its constructor):
          // name that field.
          EnergyValidationException invalid = energyCause(e);
          if (invalid != null) {
            write(
                ctx,
                400,
                "Bad Request",
                "invalid " + invalid.field(),
                List.of(new FieldError(invalid.field(), invalid.getMessage())),
                null);
          } else {
            write(ctx, 400, "Bad Request", "malformed JSON body", List.of(jsonError(e)), null);
          }
        });
    routes.exception(
        EnergyValidationException.class,
        (e, ctx) ->
            write(
                ctx,
                400,
                "Bad Request",
                "invalid " + e.field(),
                List.of(new FieldError(e.field(), e.getMessage())),
                null));
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          HttpStatus status = HttpStatus.forStatus(e.getStatus());
          String detail =
              e.getMessage() == null || e.getMessage().isBlank()
                  ? status.getMessage()
                  : e.getMessage();
          write(ctx, e.getStatus(), status.getMessage(), detail, List.of(), null);
        });
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          String id = UUID.randomUUID().toString();
          LOG.error("error {} on {} {}", id, ctx.method(), ctx.path(), e);
          write(
              ctx,
              500,
              "Internal Server Error",
              "unexpected error; quote error id " + id,
              List.of(),
              id);
        });
  }

  private static EnergyValidationException energyCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EnergyValidationException v) {
        return v;
      }
    }
    return null;
  }

  /**
   * Writes the problem document for {@code status}; also usable by handlers that answer errors
   * directly.
   */
  public static void write(
      Context ctx,
      int status,
      String title,
      String detail,
      List<FieldError> errors,
      String errorId) {
    Problem p =
        new Problem(typeFor(status, title), title, status, detail, ctx.path(), errors, errorId);
    String json;
    try {
      json = Json.MAPPER.writeValueAsString(p);
    } catch (JsonProcessingException e) {
      json = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + "}";
    }
    ctx.status(status).contentType(Problem.CONTENT_TYPE).result(json);
  }

  static String typeFor(int status, String title) {
    return Problem.TYPE_BASE
        + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  private static List<FieldError> fieldErrors(ValidationException e) {
    List<FieldError> out = new ArrayList<>();
    e.getErrors()
        .forEach(
            (field, errs) ->
                out.add(
                    new FieldError(
                        field,
                        errs.stream()
                            .map(err -> err.getMessage())
                            .collect(Collectors.joining("; ")))));
    return out;
  }

  private static final Pattern QUOTED_TYPE = Pattern.compile("`([^`]*)`");

  /**
   * Jackson quotes Java types in backticks ({@code `java.util.ArrayList<java.lang.String>`}); say
   * which JSON value was expected instead, so no class name reaches the client.
   */
  static String withoutJavaTypes(String message) {
    String out =
        QUOTED_TYPE
            .matcher(message)
            .replaceAll(m -> Matcher.quoteReplacement(jsonKind(m.group(1))))
            .replaceAll("\\(class [^)]*\\)", "");
    return out.replaceAll("\\b(java|javax|com\\.fasterxml|io\\.voltstream)\\.[\\w.$]+", "value");
  }

  private static String jsonKind(String javaType) {
    String t = javaType.replaceAll("<.*", "");
    if (t.endsWith("[]") || t.matches(".*(List|Set|Collection)$")) {
      return "an array";
    }
    if (t.matches(".*\\b(String|char|Character)$")) {
      return "a string";
    }
    if (t.matches(
        ".*\\b(int|long|short|double|float|Integer|Long|Short|Double|Float|BigDecimal)$")) {
      return "a number";
    }
    if (t.matches(".*\\b(boolean|Boolean)$")) {
      return "a boolean";
    }
    if (t.endsWith("Instant")) {
      return "an ISO-8601 date-time";
    }
    if (t.endsWith("Duration")) {
      return "an ISO-8601 duration";
    }
    return "value";
  }

  private static FieldError jsonError(JacksonException e) {
    String field = "body";
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (JsonMappingException.Reference r : m.getPath()) {
        if (r.getFieldName() != null) {
          sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
        } else if (r.getIndex() >= 0) {
          sb.append('[').append(r.getIndex()).append(']');
        }
      }
      field = sb.length() == 0 ? "body" : sb.toString();
    }
    String msg = e.getOriginalMessage();
    if (msg == null) {
      msg = "invalid JSON";
    }
    // Jackson messages can quote class names; keep the first sentence, without internals.
    msg = withoutJavaTypes(msg.split("\n", 2)[0]);
    if (msg.length() > 200) {
      msg = msg.substring(0, 200);
    }
    return new FieldError(field, msg);
  }
}
