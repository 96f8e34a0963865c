package io.voltstream.energy;

/**
 * A domain value out of its valid range. {@link #field()} names the offending field in snake_case
 * (as it appears in JSON), so an API can answer with a problem document that points at it.
 */
public final class EnergyValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public EnergyValidationException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The offending field, snake_case (e.g. {@code max_charge_w}). */
  public String field() {
    return field;
  }

  /** Fails with the field's name unless {@code value} is finite and in [min, max]. */
  public static double requireInRange(String field, double value, double min, double max) {
    if (!Double.isFinite(value) || value < min || value > max) {
      throw new EnergyValidationException(
          field, "must be in [" + min + ", " + max + "], was " + value);
    }
    return value;
  }

  /** Fails with the field's name unless {@code value} is finite. */
  public static double requireFinite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new EnergyValidationException(field, "must be a finite number, was " + value);
    }
    return value;
  }

  /** Fails with the field's name when {@code value} is null or blank. */
  public static String requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new EnergyValidationException(field, "must not be blank");
    }
    return value;
  }
}
