package io.voltstream.forecast.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.influx.InfluxClient;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForecastServiceTest {
  @Test
  void shouldReportFailuresInsteadOfThrowingWhenInfluxIsUnreachable() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    var config =
        new ForecastConfig(
            URI.create("http://127.0.0.1:" + port),
            "voltstream",
            Path.of("none"),
            List.of("demo"),
            Duration.ofHours(1),
            24,
            35,
            168);
    var influx =
        new InfluxClient(config.influxUrl(), "voltstream", Optional.empty(), Duration.ofSeconds(2));
    var service =
        new ForecastService(
            config, influx, Clock.fixed(Instant.parse("2026-11-27T10:20:00Z"), ZoneOffset.UTC));

    ForecastService.RunSummary summary = service.runOnce();

    assertThat(summary.origin()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
    assertThat(summary.batches()).isEmpty();
    // consumption, generation, and the listing of the building's metered rooms
    assertThat(summary.failures())
        .hasSize(3)
        .allSatisfy(f -> assertThat(f).contains("not reachable"));
  }
}
