package io.voltstream.forecast.cli;

import io.voltstream.config.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses command-line durations in the one syntax of every setting ({@link Durations}): {@code
 * 24h}, {@code 90m}, {@code 1d}.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  public static Duration parse(String value) {
    return Durations.parse(value)
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "not a duration: '" + value + "' (e.g. " + Durations.SYNTAX + ")"));
  }
}
