package io.voltstream.jobs.io;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses human durations used in configuration: {@code 500ms}, {@code 30s}, {@code 1m}, {@code 2h}, {@code 1d} or ISO-8601 {@code PT30S}. */
public final class Durations {
  private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private Durations() {}

  /**
   * @throws IllegalArgumentException naming {@code key} when the text is not a non-negative duration
   */
  public static Duration parse(String key, String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      Duration d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
      if (!d.isNegative()) {
        return d;
      }
    } catch (DateTimeParseException | NullPointerException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        key + ": '" + text + "' is not a duration; use e.g. 500ms, 30s, 1m, 2h or PT30S");
  }
}
