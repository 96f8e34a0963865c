package io.voltstream.forecast.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ForecastMetersTest {

  @Test
  void aRunIsCountedWithItsFailuresDurationAndTime() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ForecastMeters meters = new ForecastMeters(registry);
    Instant origin = Instant.parse("2026-11-30T16:00:00Z");

    meters.record(origin, Duration.ofMillis(1500), 0, 0, 1);
    String text = registry.scrape();

    assertThat(text)
        .contains("voltstream_forecast_runs_total 1.0")
        .contains("voltstream_forecast_failures_total 1.0")
        .contains("voltstream_forecast_batches_written_total 0.0")
        .contains("voltstream_forecast_run_duration_seconds_sum 1.5")
        .contains(
            "voltstream_forecast_last_run_timestamp_seconds " + (double) origin.getEpochSecond());
  }
}
