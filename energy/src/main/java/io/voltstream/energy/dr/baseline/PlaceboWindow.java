package io.voltstream.energy.dr.baseline;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A pretend event window for the placebo test: a local start time and a length, e.g. 17:00 for 2 h,
 * applied on every day.
 */
public record PlaceboWindow(LocalTime start, Duration length) {

  public PlaceboWindow {
    Objects.requireNonNull(start, "start");
    if (length.isZero() || length.isNegative() || length.compareTo(Duration.ofHours(12)) > 0) {
      throw new IllegalArgumentException("window length must be in (0, 12 h], was " + length);
    }
  }

  /** Parses {@code HH:MM-HH:MM} (local, same day), e.g. {@code 17:00-19:00}. */
  public static PlaceboWindow parse(String text) {
    String[] parts = text.strip().split("[-–]");
    if (parts.length != 2) {
      throw new IllegalArgumentException("window '" + text + "' must look like 17:00-19:00");
    }
    LocalTime from;
    LocalTime to;
    try {
      from = LocalTime.parse(parts[0].strip());
      to = LocalTime.parse(parts[1].strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "window '" + text + "' must look like 17:00-19:00 (local HH:MM-HH:MM)", e);
    }
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("window '" + text + "' must end after it starts");
    }
    return new PlaceboWindow(from, Duration.between(from, to));
  }

  /** {@code 17:00-19:00}. */
  public String label() {
    return start + "-" + start.plus(length);
  }
}
