package io.voltstream.influx;

/**
 * A user-supplied value that cannot go into a query; {@link #field()} names the request field
 * (400).
 */
public final class InvalidQueryValueException extends IllegalArgumentException {
  private final String field;

  public InvalidQueryValueException(String field, String message) {
    super(field + " " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** The message without the field name, for the problem's {@code errors} entry. */
  public String reason() {
    return getMessage().substring(field.length() + 1);
  }
}
