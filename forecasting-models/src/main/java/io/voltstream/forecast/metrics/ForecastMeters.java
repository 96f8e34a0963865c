package io.voltstream.forecast.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The forecast service's runs (fed by {@code ForecastServiceApp.serveMetrics}) as Micrometer
 * meters: {@code voltstream_forecast_runs_total}, {@code voltstream_forecast_run_duration_seconds},
 * {@code voltstream_forecast_batches_written_total}, {@code
 * voltstream_forecast_accuracy_reports_written_total}, {@code voltstream_forecast_failures_total}
 * (building/target pairs that failed) and {@code voltstream_forecast_last_run_timestamp_seconds}
 * (its age tells whether the schedule still runs).
 */
public final class ForecastMeters {
  private final Counter runs;
  private final Timer duration;
  private final Counter batches;
  private final Counter reports;
  private final Counter failures;
  private final AtomicLong lastRunEpochSecond = new AtomicLong();

  public ForecastMeters(MeterRegistry registry) {
    String p = "voltstream.forecast.";
    runs = Counter.builder(p + "runs").description("Forecast runs").register(registry);
    duration =
        Timer.builder(p + "run.duration")
            .description("Wall time of one forecast run (every building and target)")
            .register(registry);
    batches =
        Counter.builder(p + "batches.written")
            .description("Forecast batches written to InfluxDB (one per building and target)")
            .register(registry);
    reports =
        Counter.builder(p + "accuracy.reports.written")
            .description("Accuracy reports written to InfluxDB")
            .register(registry);
    failures =
        Counter.builder(p + "failures")
            .description("Building/target forecasts of a run that failed (retried next run)")
            .register(registry);
    registry.gauge(p + "last.run.timestamp.seconds", lastRunEpochSecond, AtomicLong::doubleValue);
  }

  /**
   * Counts one run at {@code origin} that took {@code took} and wrote {@code batchesWritten}
   * forecast batches and {@code reportsWritten} accuracy reports, with {@code failed} failures.
   */
  public void record(
      Instant origin, Duration took, int batchesWritten, int reportsWritten, int failed) {
    runs.increment();
    duration.record(took);
    batches.increment(batchesWritten);
    reports.increment(reportsWritten);
    failures.increment(failed);
    lastRunEpochSecond.set(origin.getEpochSecond());
  }
}
