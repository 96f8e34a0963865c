package io.voltstream.forecast.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code 24h}, {@code 90m}, {@code 1d} or ISO-8601 ({@code PT24H}) durations. */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  public static Duration parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      long n = Long.parseLong(v.substring(0, v.length() - 1));
      return switch (v.charAt(v.length() - 1)) {
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> throw new TypeConversionException("unknown unit in '" + value + "': use m, h or d");
      };
    } catch (RuntimeException e) {
      if (e instanceof TypeConversionException t) {
        throw t;
      }
      throw new TypeConversionException("not a duration: '" + value + "' (e.g. 24h, 90m, 1d)");
    }
  }
}
