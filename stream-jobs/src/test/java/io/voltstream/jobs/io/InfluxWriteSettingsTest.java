package io.voltstream.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InfluxWriteSettingsTest {

  @Test
  void shouldNeverPrintThePasswordOrTheToken() {
    InfluxWriteSettings s =
        new InfluxWriteSettings(
            "http://influx:8086",
            "voltstream",
            null,
            "writer",
            "pa55-w0rd-secret",
            "t0ken-secret",
            false,
            Duration.ofSeconds(5),
            Duration.ofMillis(100),
            Duration.ofSeconds(5));

    assertThat(s.toString())
        .doesNotContain("pa55-w0rd-secret")
        .doesNotContain("t0ken-secret")
        .contains("username=writer", "password=***", "token=***");
    assertThat(s.authorization()).isEqualTo("Token t0ken-secret");
  }
}
