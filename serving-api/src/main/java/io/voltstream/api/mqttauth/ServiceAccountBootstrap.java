package io.voltstream.api.mqttauth;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a service account (e.g. ingest's) in the background at API start, retrying until the
 * broker answers, so the API does not depend on the broker being up first (compose starts both at
 * once). Closing it stops the retries.
 */
public final class ServiceAccountBootstrap implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceAccountBootstrap.class);

  private final ScheduledExecutorService executor;

  private ServiceAccountBootstrap(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  /** Starts trying now and every {@code retry} until the account is in place. */
  public static ServiceAccountBootstrap start(
      DeviceCredentials credentials,
      String username,
      MqttGrants grants,
      String password,
      Duration retry) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "mqtt-service-account-" + username);
              t.setDaemon(true);
              return t;
            });
    Runnable attempt =
        new Runnable() {
          @Override
          public void run() {
            try {
              credentials.ensureService(username, grants, password);
              LOG.info("MQTT service account {} is ready", username);
              executor.shutdown();
            } catch (RuntimeException e) {
              LOG.warn(
                  "MQTT service account {} not set yet, retrying: {}", username, e.getMessage());
              executor.schedule(this, retry.toMillis(), TimeUnit.MILLISECONDS);
            }
          }
        };
    executor.execute(attempt);
    return new ServiceAccountBootstrap(executor);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
