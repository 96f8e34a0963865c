package io.voltstream.config;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one declaration of a {@code VOLTSTREAM_*} setting: its variable name, type, default (as the
 * text a user would write, null for none), unit, description, whether it is a secret (never
 * printed), and older names still read for compatibility. Declared as constants in each
 * deployable's {@code XxxOptions} class and read with a {@link ConfigReader}.
 *
 * <pre>{@code
 * public static final Option<Integer> PORT = Option.of("VOLTSTREAM_API_PORT", ValueType.integer(0, 65535),
 *     "8000", "HTTP port; 0 = any free port");
 * }</pre>
 *
 * @param unit unit of a number, e.g. {@code "B"} or {@code "ppm"}; empty when the value carries its
 *     own (durations) or has none
 * @param legacyNames older variable names read when {@code name} is unset; a legacy name with a
 *     {@code bareNumberUnit} also accepts a bare number in that unit ({@code _MS}/{@code _S} names)
 */
public record Option<T>(
    String name,
    ValueType<T> type,
    String defaultValue,
    String unit,
    String description,
    boolean secret,
    List<LegacyName> legacyNames) {

  /** The prefix of every Voltstream variable. */
  public static final String PREFIX = "VOLTSTREAM_";

  /**
   * An older name of a setting; {@code bareNumberUnit} (nullable) is the unit its bare numbers had.
   */
  public record LegacyName(String name, ChronoUnit bareNumberUnit) {}

  public Option {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if (name == null || !name.matches(PREFIX + "[A-Z0-9_]+")) {
      throw new IllegalArgumentException(
          "an option name must look like VOLTSTREAM_XXX, got " + name);
    }
    unit = unit == null ? "" : unit;
    legacyNames = List.copyOf(legacyNames);
  }

  /** A setting with a default ({@code null}: none, the setting is optional). */
  public static <T> Option<T> of(
      String name, ValueType<T> type, String defaultValue, String description) {
    return new Option<>(name, type, defaultValue, "", description, false, List.of());
  }

  /** This option with a unit for its numbers, e.g. {@code "B"}. */
  public Option<T> withUnit(String newUnit) {
    return new Option<>(name, type, defaultValue, newUnit, description, secret, legacyNames);
  }

  /** This option as a secret: its value is masked whenever settings are listed. */
  public Option<T> asSecret() {
    return new Option<>(name, type, defaultValue, unit, description, true, legacyNames);
  }

  /**
   * This option also read from {@code oldName}, where a bare number means {@code bareNumberUnit}.
   */
  public Option<T> replaces(String oldName, ChronoUnit bareNumberUnit) {
    List<LegacyName> names = new ArrayList<>(legacyNames);
    names.add(new LegacyName(oldName, bareNumberUnit));
    return new Option<>(name, type, defaultValue, unit, description, secret, names);
  }

  /** Whether the option has a default. */
  public boolean hasDefault() {
    return defaultValue != null;
  }
}
