package io.voltstream.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How the text of a setting becomes a typed value, and what it must look like. {@link #parse}
 * throws any {@link RuntimeException} for text it does not accept; {@link ConfigReader} turns that
 * into one message naming the variable, the expectation and the text.
 */
public interface ValueType<T> {

  /** The value; throws for text that does not match {@link #expected()}. */
  T parse(String text);

  /**
   * What a valid value looks like, completing "expected ...": e.g. "an integer between 0 and
   * 65535".
   */
  String expected();

  /** A type from a parser and its expectation. */
  static <T> ValueType<T> of(String expected, Function<String, T> parser) {
    return new ValueType<>() {
      @Override
      public T parse(String text) {
        return parser.apply(text);
      }

      @Override
      public String expected() {
        return expected;
      }
    };
  }

  /** This type, further restricted by {@code check} (the expectation replaces this one's). */
  default ValueType<T> where(Predicate<T> check, String expectation) {
    ValueType<T> base = this;
    return of(
        expectation,
        text -> {
          T v = base.parse(text);
          if (!check.test(v)) {
            throw new IllegalArgumentException("rejected");
          }
          return v;
        });
  }

  static ValueType<String> string() {
    return of("a text", text -> text);
  }

  /** Text matching {@code regex} (e.g. a Kafka topic or an InfluxDB database name). */
  static ValueType<String> matching(String regex, String expected) {
    return string().where(s -> s.matches(regex), expected);
  }

  /** Any {@code int}; range checks that need other settings stay with the config record. */
  static ValueType<Integer> integer() {
    return of("an integer", Integer::parseInt);
  }

  static ValueType<Integer> integer(int min, int max) {
    return of(
        "an integer between " + min + " and " + max,
        text -> {
          int n = Integer.parseInt(text);
          if (n < min || n > max) {
            throw new IllegalArgumentException("out of range");
          }
          return n;
        });
  }

  static ValueType<Long> wholeNumber() {
    return of("a whole number", Long::parseLong);
  }

  /** A finite number {@code > exclusiveMin} and {@code <= max}. */
  static ValueType<Double> number(double exclusiveMin, double max) {
    return of(
        "a number > " + plain(exclusiveMin) + " and <= " + plain(max),
        text -> {
          double d = Double.parseDouble(text);
          if (!(d > exclusiveMin) || d > max || Double.isNaN(d)) {
            throw new IllegalArgumentException("out of range");
          }
          return d;
        });
  }

  /** Any finite number. */
  static ValueType<Double> number() {
    return of(
        "a number",
        text -> {
          double d = Double.parseDouble(text);
          if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not finite");
          }
          return d;
        });
  }

  /** {@code true/yes/on/1} or {@code false/no/off/0}, any case. */
  static ValueType<Boolean> bool() {
    return of(
        "true or false",
        text ->
            switch (text.toLowerCase(Locale.ROOT)) {
              case "true", "yes", "on", "1" -> true;
              case "false", "no", "off", "0" -> false;
              default -> throw new IllegalArgumentException("not a boolean");
            });
  }

  /**
   * A duration in the one syntax of {@link Durations}, between {@code min} and {@code max}
   * inclusive.
   */
  static ValueType<Duration> duration(Duration min, Duration max) {
    String range =
        min.isZero() && max == null
            ? ""
            : max == null
                ? " of at least " + Durations.format(min)
                : " between " + Durations.format(min) + " and " + Durations.format(max);
    return of(
        "a duration" + range + " such as " + Durations.SYNTAX,
        text -> {
          Duration d =
              Durations.parse(text)
                  .orElseThrow(() -> new IllegalArgumentException("not a duration"));
          if (d.compareTo(min) < 0 || max != null && d.compareTo(max) > 0) {
            throw new IllegalArgumentException("out of range");
          }
          return d;
        });
  }

  /** A duration {@code >= 0}. */
  static ValueType<Duration> duration() {
    return duration(Duration.ZERO, null);
  }

  /** A duration {@code > 0}. */
  static ValueType<Duration> positiveDuration() {
    return of(
        "a duration greater than zero such as " + Durations.SYNTAX,
        text -> {
          Duration d =
              Durations.parse(text)
                  .orElseThrow(() -> new IllegalArgumentException("not a duration"));
          if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("not positive");
          }
          return d;
        });
  }

  /** An {@code http(s)://host[:port]} URL; a trailing slash is dropped. */
  static ValueType<URI> httpUrl() {
    return of(
        "an http(s) URL such as http://localhost:8086",
        text -> {
          URI u = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
          String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
          if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            throw new IllegalArgumentException("not http(s)");
          }
          return u;
        });
  }

  /**
   * An MQTT broker URL: {@code tcp://}, {@code mqtt://}, {@code ssl://} or {@code mqtts://} with a
   * host.
   */
  static ValueType<URI> mqttUrl() {
    return of(
        "a broker URL such as tcp://localhost:1883",
        text -> {
          URI u = URI.create(text);
          String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
          if (!List.of("tcp", "mqtt", "ssl", "mqtts").contains(scheme) || u.getHost() == null) {
            throw new IllegalArgumentException("not a broker URL");
          }
          return u;
        });
  }

  static ValueType<Path> path() {
    return of("a file system path", Path::of);
  }

  static ValueType<Instant> instant() {
    return of("an ISO-8601 instant such as 2026-06-21T00:00:00Z", Instant::parse);
  }

  static ValueType<ZoneId> zone() {
    return of("a time zone id such as Europe/Brussels or +01:00", ZoneId::of);
  }

  /** One of {@code choices}, any case; the value is the lower-case choice. */
  static ValueType<String> choice(String... choices) {
    List<String> all = Arrays.asList(choices);
    String expected =
        all.size() == 1
            ? all.get(0)
            : String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
    return of(
        expected,
        text -> {
          String v = text.toLowerCase(Locale.ROOT);
          if (!all.contains(v)) {
            throw new IllegalArgumentException("not a choice");
          }
          return v;
        });
  }

  /** Comma-separated text entries, trimmed, empty ones dropped. */
  static ValueType<List<String>> list() {
    return of(
        "a comma-separated list",
        text ->
            Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
