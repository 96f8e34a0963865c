package io.voltstream.forecast.streaming;

import io.micrometer.core.instrument.MeterRegistry;
import io.voltstream.forecast.metrics.ForecastMeters;
import io.voltstream.forecast.pv.registry.RegistryGenerationModels;
import io.voltstream.metrics.MetricsEndpoint;
import io.voltstream.metrics.MetricsOptions;
import io.voltstream.metrics.PrometheusEndpoint;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link ForecastService} on its own ({@code java … ForecastServiceApp}); the launcher's
 * demo instead calls {@code ForecastService.create(ForecastConfig.fromEnv(env)).start()} and {@code
 * close()} beside the jobs.
 */
public final class ForecastServiceApp {
  private static final Logger LOG = LoggerFactory.getLogger(ForecastServiceApp.class);

  private ForecastServiceApp() {}

  public static void main(String[] args) throws InterruptedException {
    ForecastConfig config = ForecastConfig.fromEnv(System.getenv());
    ForecastService service =
        ForecastService.create(config, RegistryGenerationModels.fromKafka(config.kafkaBootstrap()));
    PrometheusEndpoint metrics =
        PrometheusEndpoint.start(
            "forecast", MetricsEndpoint.fromEnv(System.getenv(), MetricsOptions.FORECAST_PORT));
    serveMetrics(service, metrics.registry());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("Stopping the forecast service");
                  service.close();
                  metrics.close();
                  stopped.countDown();
                },
                "forecast-shutdown"));
    service.start();
    stopped.await();
  }

  /** Counts every scheduled run of {@code service} in {@code registry} ({@link ForecastMeters}). */
  public static void serveMetrics(ForecastService service, MeterRegistry registry) {
    ForecastMeters meters = new ForecastMeters(registry);
    service.onRun(
        (run, took) ->
            meters.record(
                run.origin(),
                took,
                run.batches().size(),
                run.accuracy().size(),
                run.failures().size()));
  }
}
