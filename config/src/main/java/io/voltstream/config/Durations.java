package io.voltstream.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of Voltstream settings: a number and a unit, {@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 1h}, {@code 2d} (a fraction such as {@code 1.5m} is allowed), {@code 0} for
 * zero, or ISO-8601 ({@code PT30S}) for compatibility with older configurations.
 */
public final class Durations {
  /** What a setting's error message and the README call the syntax. */
  public static final String SYNTAX = "500ms, 30s, 5m, 1h or 2d";

  private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

  private Durations() {}

  /** The duration written in {@code text}, or empty when it is not in the syntax above. */
  public static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher m = SIMPLE.matcher(t);
    if (m.matches()) {
      double amount = Double.parseDouble(m.group(1));
      double nanosPerUnit =
          switch (m.group(2)) {
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            default -> 86_400e9;
          };
      if (m.group(1).indexOf('.') < 0) {
        // Whole numbers exactly, without the double's rounding (e.g. 4294967295s).
        long n = Long.parseLong(m.group(1));
        return Optional.of(
            switch (m.group(2)) {
              case "ms" -> Duration.ofMillis(n);
              case "s" -> Duration.ofSeconds(n);
              case "m" -> Duration.ofMinutes(n);
              case "h" -> Duration.ofHours(n);
              default -> Duration.ofDays(n);
            });
      }
      return Optional.of(Duration.ofNanos(Math.round(amount * nanosPerUnit)));
    }
    try {
      return Optional.of(Duration.parse(t.toUpperCase(Locale.ROOT)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The shortest exact form in the syntax above: {@code 30s}, {@code 5m}, {@code 1500ms}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    long ms = d.toMillis();
    if (d.toNanos() % 1_000_000 != 0 || ms % 1000 != 0) {
      return ms + "ms";
    }
    long s = d.getSeconds();
    if (s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s % 3600 == 0) {
      return s / 3600 + "h";
    }
    if (s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }
}
