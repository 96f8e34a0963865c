package io.voltstream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
  private static final Option<Integer> PORT =
      Option.of("VOLTSTREAM_API_PORT", ValueType.integer(0, 65535), "8000", "HTTP port");
  private static final Option<Duration> TIMEOUT =
      Option.of(
              "VOLTSTREAM_X_TIMEOUT",
              ValueType.duration(Duration.ofSeconds(1), null),
              "10s",
              "write timeout")
          .replaces("VOLTSTREAM_X_TIMEOUT_MS", ChronoUnit.MILLIS);
  private static final Option<String> SECRET =
      Option.of("VOLTSTREAM_X_SECRET", ValueType.string(), null, "a secret").asSecret();

  @Test
  void shouldTakeTheDefaultWhenUnsetOrBlank() {
    assertThat(new ConfigReader(Map.of()).get(PORT)).isEqualTo(8000);
    assertThat(new ConfigReader(Map.of("VOLTSTREAM_API_PORT", "  ")).get(PORT)).isEqualTo(8000);
    assertThat(new ConfigReader(Map.of()).source(PORT)).isEqualTo(ConfigReader.Source.DEFAULT);
    assertThat(new ConfigReader(Map.of()).source(SECRET)).isEqualTo(ConfigReader.Source.UNSET);
    assertThat(new ConfigReader(Map.of()).find(SECRET)).isEmpty();
  }

  @Test
  void shouldReadATrimmedValueFromTheEnvironment() {
    ConfigReader r = new ConfigReader(Map.of("VOLTSTREAM_API_PORT", " 9000 "));
    assertThat(r.get(PORT)).isEqualTo(9000);
    assertThat(r.source(PORT)).isEqualTo(ConfigReader.Source.ENV);
    assertThat(r.explicit(PORT)).contains(9000);
  }

  @Test
  void shouldNameTheVariableTheExpectationAndTheTextOfABadValue() {
    assertThatThrownBy(() -> new ConfigReader(Map.of("VOLTSTREAM_API_PORT", "abc")).get(PORT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("VOLTSTREAM_API_PORT: expected an integer between 0 and 65535, got 'abc'");
    assertThatThrownBy(() -> new ConfigReader(Map.of("VOLTSTREAM_API_PORT", "70000")).get(PORT))
        .hasMessage("VOLTSTREAM_API_PORT: expected an integer between 0 and 65535, got '70000'");
    assertThatThrownBy(() -> new ConfigReader(Map.of("VOLTSTREAM_X_TIMEOUT", "soon")).get(TIMEOUT))
        .hasMessage(
            "VOLTSTREAM_X_TIMEOUT: expected a duration of at least 1s such as 500ms, 30s, 5m, 1h or"
                + " 2d, got 'soon'");
    assertThatThrownBy(() -> new ConfigReader(Map.of()).get(SECRET))
        .hasMessage("VOLTSTREAM_X_SECRET: must be set (a secret); expected a text");
  }

  @Test
  void shouldReadALegacyNameWithABareNumberInItsOldUnit() {
    ConfigReader r = new ConfigReader(Map.of("VOLTSTREAM_X_TIMEOUT_MS", "2500"));
    assertThat(r.get(TIMEOUT)).isEqualTo(Duration.ofMillis(2500));
    assertThat(r.setName(TIMEOUT)).contains("VOLTSTREAM_X_TIMEOUT_MS");
    assertThat(new ConfigReader(Map.of("VOLTSTREAM_X_TIMEOUT_MS", "3s")).get(TIMEOUT))
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(
            new ConfigReader(Map.of("VOLTSTREAM_X_TIMEOUT", "4s", "VOLTSTREAM_X_TIMEOUT_MS", "1"))
                .get(TIMEOUT))
        .as("the new name wins")
        .isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void shouldNameTheLegacyVariableWhenItsValueIsBad() {
    assertThatThrownBy(() -> new ConfigReader(Map.of("VOLTSTREAM_X_TIMEOUT_MS", "-5")).get(TIMEOUT))
        .hasMessage(
            "VOLTSTREAM_X_TIMEOUT_MS: expected a duration of at least 1s such as 500ms, 30s, 5m, 1h"
                + " or 2d, got '-5'");
    assertThatThrownBy(() -> new ConfigReader(Map.of("VOLTSTREAM_X_TIMEOUT_MS", "10")).get(TIMEOUT))
        .hasMessage(
            "VOLTSTREAM_X_TIMEOUT_MS: expected a duration of at least 1s such as 500ms, 30s, 5m, 1h"
                + " or 2d, got '10'");
  }

  @Test
  void shouldExplainEachTypeInItsMessage() {
    assertRejected(ValueType.bool(), "maybe", "true or false");
    assertRejected(ValueType.wholeNumber(), "1.5", "a whole number");
    assertRejected(ValueType.number(0, 10), "0", "a number > 0 and <= 10");
    assertRejected(ValueType.number(), "NaN", "a number");
    assertRejected(
        ValueType.positiveDuration(),
        "0s",
        "a duration greater than zero such as 500ms, 30s, 5m, 1h or 2d");
    assertRejected(
        ValueType.duration(), "5 parsecs", "a duration such as 500ms, 30s, 5m, 1h or 2d");
    assertRejected(
        ValueType.duration(Duration.ZERO, Duration.ofSeconds(10)),
        "11s",
        "a duration between 0s and 10s such as 500ms, 30s, 5m, 1h or 2d");
    assertRejected(ValueType.httpUrl(), "ftp://x", "an http(s) URL such as http://localhost:8086");
    assertRejected(
        ValueType.mqttUrl(), "http://localhost:1883", "a broker URL such as tcp://localhost:1883");
    assertRejected(
        ValueType.instant(), "yesterday", "an ISO-8601 instant such as 2026-06-21T00:00:00Z");
    assertRejected(
        ValueType.zone(), "Mars/Olympus", "a time zone id such as Europe/Brussels or +01:00");
    assertRejected(ValueType.choice("demo", "replay"), "party", "demo or replay");
    assertRejected(ValueType.choice("none", "gzip", "lz4"), "brotli", "none, gzip or lz4");
    assertRejected(ValueType.matching("[a-z]+", "lower-case letters"), "A1", "lower-case letters");
  }

  @Test
  void shouldParseEachTypesValues() {
    assertThat(parse(ValueType.bool(), "YES")).isTrue();
    assertThat(parse(ValueType.bool(), "off")).isFalse();
    assertThat(parse(ValueType.httpUrl(), "http://i:2/")).isEqualTo(URI.create("http://i:2"));
    assertThat(parse(ValueType.choice("lz4", "zstd"), "ZSTD")).isEqualTo("zstd");
    assertThat(parse(ValueType.list(), "demo, hq,,")).isEqualTo(List.of("demo", "hq"));
  }

  @Test
  void shouldRejectANameOutsideTheVoltstreamPrefix() {
    assertThatThrownBy(() -> Option.of("API_PORT", ValueType.string(), null, "x"))
        .hasMessageContaining("VOLTSTREAM_XXX");
  }

  private static <T> T parse(ValueType<T> type, String text) {
    Option<T> o = Option.of("VOLTSTREAM_T", type, null, "t");
    return new ConfigReader(Map.of("VOLTSTREAM_T", text)).get(o);
  }

  private static void assertRejected(ValueType<?> type, String text, String expected) {
    Option<?> o = Option.of("VOLTSTREAM_T", type, null, "t");
    assertThatThrownBy(() -> new ConfigReader(Map.of("VOLTSTREAM_T", text)).get(o))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("VOLTSTREAM_T: expected " + expected + ", got '" + text + "'");
  }

  @Test
  void shouldReadASecretFromTheFileNamedByItsFileVariable(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("x_secret");
    Files.writeString(file, "s3cret-from-a-file\n");
    ConfigReader r = new ConfigReader(Map.of("VOLTSTREAM_X_SECRET_FILE", file.toString()));
    assertThat(r.get(SECRET)).isEqualTo("s3cret-from-a-file");
    assertThat(r.source(SECRET)).isEqualTo(ConfigReader.Source.ENV);
  }

  @Test
  void shouldPreferTheVariableOverItsFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("x_secret");
    Files.writeString(file, "from-file");
    ConfigReader r =
        new ConfigReader(
            Map.of("VOLTSTREAM_X_SECRET", "from-env", "VOLTSTREAM_X_SECRET_FILE", file.toString()));
    assertThat(r.get(SECRET)).isEqualTo("from-env");
  }

  @Test
  void shouldNameTheFileVariableWhenItsFileCannotBeRead(@TempDir Path dir) {
    String missing = dir.resolve("nope").toString();
    ConfigReader r = new ConfigReader(Map.of("VOLTSTREAM_X_SECRET_FILE", missing));
    assertThatThrownBy(() -> r.get(SECRET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VOLTSTREAM_X_SECRET_FILE")
        .hasMessageContaining(missing);
  }
}
