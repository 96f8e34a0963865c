package io.voltstream.api.error;

import java.util.List;

/**
 * The one exception type services throw for request failures; {@link ErrorMapping} turns it into
 * problem JSON with the kind's status. Services never see Javalin, so they throw this instead of
 * Javalin's {@code HttpResponseException}s.
 *
 * <pre>{@code
 * throw ApiException.conflict("room 'kitchen' already exists");
 * throw ApiException.invalid(new FieldError("room", "unknown room 'attic'"));
 * }</pre>
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Failure kinds with their HTTP status. */
  public enum Kind {
    BAD_REQUEST(400, "Bad Request"),
    UNAUTHORIZED(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not Found"),
    CONFLICT(409, "Conflict"),
    PAYLOAD_TOO_LARGE(413, "Content Too Large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type"),
    UNPROCESSABLE(422, "Unprocessable Content"),
    TOO_MANY_REQUESTS(429, "Too Many Requests"),
    UNAVAILABLE(503, "Service Unavailable"),
    TIMEOUT(504, "Gateway Timeout");

    private final int status;
    private final String title;

    Kind(int status, String title) {
      this.status = status;
      this.title = title;
    }

    public int status() {
      return status;
    }

    public String title() {
      return title;
    }
  }

  private final Kind kind;
  private final transient List<FieldError> errors;

  public ApiException(Kind kind, String detail, List<FieldError> errors) {
    super(detail);
    this.kind = kind;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public ApiException(Kind kind, String detail) {
    this(kind, detail, List.of());
  }

  public Kind kind() {
    return kind;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public static ApiException badRequest(String detail, FieldError... errors) {
    return new ApiException(Kind.BAD_REQUEST, detail, List.of(errors));
  }

  /** 422: the request is well-formed but a field's value is not acceptable. */
  public static ApiException invalid(FieldError... errors) {
    String detail =
        errors.length == 1 ? errors[0].field() + ": " + errors[0].message() : "invalid fields";
    return new ApiException(Kind.UNPROCESSABLE, detail, List.of(errors));
  }

  public static ApiException notFound(String detail) {
    return new ApiException(Kind.NOT_FOUND, detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(Kind.CONFLICT, detail);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(Kind.FORBIDDEN, detail);
  }
}
