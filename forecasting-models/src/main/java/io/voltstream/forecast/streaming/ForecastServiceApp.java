package io.voltstream.forecast.streaming;

import io.voltstream.forecast.pv.registry.RegistryGenerationModels;
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
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("Stopping the forecast service");
                  service.close();
                  stopped.countDown();
                },
                "forecast-shutdown"));
    service.start();
    stopped.await();
  }
}
