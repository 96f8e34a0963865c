package io.voltstream.sim.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads of {@code VOLTSTREAM_*} variables from a map, failing with an
 * {@link IllegalArgumentException} whose message names the key, the bad value and what is expected.
 */
public final class EnvValues {
  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

  private final Map<String, String> env;

  public EnvValues(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The trimmed value, or empty when unset or blank. */
  public Optional<String> raw(String key) {
    String v = env.get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  public String string(String key, String defaultValue) {
    return raw(key).orElse(defaultValue);
  }

  public int integer(String key, int defaultValue, int min, int max) {
    Optional<String> v = raw(key);
    if (v.isEmpty()) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(v.get());
      if (n < min || n > max) {
        throw invalid(key, v.get(), "an integer between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw invalid(key, v.get(), "an integer between " + min + " and " + max);
    }
  }

  public long longValue(String key, long defaultValue) {
    Optional<String> v = raw(key);
    if (v.isEmpty()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(v.get());
    } catch (NumberFormatException e) {
      throw invalid(key, v.get(), "a whole number");
    }
  }

  /** A finite number strictly greater than {@code exclusiveMin} and at most {@code max}. */
  public double positive(String key, double defaultValue, double exclusiveMin, double max) {
    return optionalPositive(key, exclusiveMin, max).orElse(defaultValue);
  }

  public Optional<Double> optionalPositive(String key, double exclusiveMin, double max) {
    Optional<String> v = raw(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    String expected = "a number > " + exclusiveMin + " and <= " + max;
    try {
      double d = Double.parseDouble(v.get());
      if (!(d > exclusiveMin) || d > max || Double.isNaN(d)) {
        throw invalid(key, v.get(), expected);
      }
      return Optional.of(d);
    } catch (NumberFormatException e) {
      throw invalid(key, v.get(), expected);
    }
  }

  public boolean bool(String key, boolean defaultValue) {
    Optional<String> v = raw(key);
    if (v.isEmpty()) {
      return defaultValue;
    }
    return switch (v.get().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw invalid(key, v.get(), "true or false");
    };
  }

  /** A positive duration: {@code 500ms}, {@code 5s}, {@code 1.5m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT5S}). */
  public Duration duration(String key, Duration defaultValue) {
    Optional<String> v = raw(key);
    if (v.isEmpty()) {
      return defaultValue;
    }
    Duration d = parseDuration(v.get())
        .orElseThrow(() -> invalid(key, v.get(), "a duration such as 500ms, 5s, 1m, 2h or PT5S"));
    if (d.isZero() || d.isNegative()) {
      throw invalid(key, v.get(), "a duration greater than zero");
    }
    return d;
  }

  public Optional<Instant> instant(String key) {
    Optional<String> v = raw(key);
    try {
      return v.map(Instant::parse);
    } catch (DateTimeParseException e) {
      throw invalid(key, v.orElse(""), "an ISO-8601 instant such as 2026-06-21T00:00:00Z");
    }
  }

  public ZoneId zone(String key, ZoneId defaultValue) {
    Optional<String> v = raw(key);
    try {
      return v.map(ZoneId::of).orElse(defaultValue);
    } catch (RuntimeException e) {
      throw invalid(key, v.orElse(""), "a time zone id such as Europe/Brussels or +01:00");
    }
  }

  /** An MQTT broker URL {@code tcp://host:port} or {@code ssl://host:port} (also mqtt:// and mqtts://). */
  public URI mqttUrl(String key, String defaultValue) {
    String v = string(key, defaultValue);
    try {
      URI uri = new URI(v);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("tcp") || scheme.equals("mqtt") || scheme.equals("ssl") || scheme.equals("mqtts"))
          || uri.getHost() == null) {
        throw invalid(key, v, "a broker URL such as tcp://localhost:1883");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw invalid(key, v, "a broker URL such as tcp://localhost:1883");
    }
  }

  static Optional<Duration> parseDuration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE_DURATION.matcher(t);
    if (m.matches()) {
      double amount = Double.parseDouble(m.group(1));
      double millis = switch (m.group(2)) {
        case "ms" -> amount;
        case "s" -> amount * 1_000;
        case "m" -> amount * 60_000;
        case "h" -> amount * 3_600_000;
        default -> amount * 86_400_000;
      };
      return Optional.of(Duration.ofNanos(Math.round(millis * 1_000_000)));
    }
    try {
      return Optional.of(Duration.parse(text.trim().toUpperCase(Locale.ROOT)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public static IllegalArgumentException invalid(String key, String value, String expected) {
    return new IllegalArgumentException(key + " must be " + expected + ", got '" + value + "'");
  }
}
