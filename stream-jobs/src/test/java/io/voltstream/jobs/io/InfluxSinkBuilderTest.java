package io.voltstream.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.model.SensorReading;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InfluxSinkBuilderTest {

  private static InfluxSinkBuilder<SensorReading> complete() {
    return InfluxSink.<SensorReading>builder()
        .url("http://localhost:8086")
        .database("voltstream")
        .converter(InfluxPoints::reading);
  }

  @Test
  void shouldBuildWithTheRequiredSettingsOnly() {
    InfluxSink<SensorReading> sink = complete().build();

    assertThat(sink.settings().writeUri())
        .hasToString("http://localhost:8086/write?db=voltstream&precision=ms");
  }

  @Test
  void shouldNameTheMissingUrl() {
    assertThatThrownBy(() -> complete().url(null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("InfluxSink: url is required, e.g. url(\"http://localhost:8086\")");
  }

  @Test
  void shouldRejectAUrlThatIsNotHttp() {
    assertThatThrownBy(() -> complete().url("localhost:8086").build())
        .hasMessageContaining("url 'localhost:8086' must be http(s)://host[:port]");
  }

  @Test
  void shouldNameTheMissingDatabase() {
    assertThatThrownBy(() -> complete().database(" ").build())
        .hasMessage("InfluxSink: database is required, e.g. database(\"voltstream\")");
  }

  @Test
  void shouldNameTheMissingConverter() {
    assertThatThrownBy(() -> complete().converter(null).build())
        .hasMessage("InfluxSink: converter is required, e.g. converter(InfluxPoints::reading)");
  }

  @Test
  void shouldRejectBufferNotLargerThanBatch() {
    assertThatThrownBy(() -> complete().maxBatchSize(100).maxBufferedRequests(100).build())
        .hasMessage(
            "InfluxSink: maxBufferedRequests (100) must be greater than maxBatchSize (100)");
  }

  @Test
  void shouldRejectTokenTogetherWithCredentials() {
    assertThatThrownBy(() -> complete().token("t").credentials("u", "p").build())
        .hasMessage("InfluxSink: set either token(..) or credentials(..), not both");
  }

  @Test
  void shouldRejectBackoffWhoseInitialExceedsMax() {
    assertThatThrownBy(
            () -> complete().retryBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1)).build())
        .hasMessage("InfluxSink: retryBackoff needs 0 < initial <= max");
  }

  @Test
  void shouldEncodeDatabaseAndRetentionPolicyInTheWriteUrl() {
    InfluxSink<SensorReading> sink =
        complete().url("http://h:1/").database("my db").retentionPolicy("r&p").build();

    assertThat(sink.settings().writeUri())
        .hasToString("http://h:1/write?db=my+db&rp=r%26p&precision=ms");
  }

  @Test
  void shouldDoubleTheBackoffUpToItsCap() {
    InfluxWriteSettings s =
        complete().retryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)).build().settings();

    assertThat(s.backoff(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(s.backoff(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(s.backoff(4)).isEqualTo(Duration.ofMillis(800));
    assertThat(s.backoff(5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.backoff(500)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void shouldSendBasicAuthForCredentialsAndTokenAuthForTokens() {
    assertThat(complete().credentials("u", "p").build().settings().authorization())
        .isEqualTo("Basic dTpw");
    assertThat(complete().token("abc").build().settings().authorization()).isEqualTo("Token abc");
    assertThat(complete().build().settings().authorization()).isNull();
  }
}
