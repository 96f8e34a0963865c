package io.voltstream.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.voltstream.metrics.ConsumerLag.PartitionLag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code voltstream_kafka_consumer_lag_records{group,topic,partition}} for every consumer group of
 * the cluster (the Flink jobs' groups, the command bridge, …), read with the Kafka admin API every
 * {@code interval} on its own thread, so a scrape never waits for the broker. A failed refresh
 * keeps the last values and counts {@code voltstream_kafka_consumer_lag_refresh_failures_total}.
 */
public final class ConsumerLagMeter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerLagMeter.class);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);

  private final Admin admin;
  private final MultiGauge lag;
  private final io.micrometer.core.instrument.Counter failures;
  private final ScheduledExecutorService refresher;

  private ConsumerLagMeter(Admin admin, MeterRegistry registry, Duration interval) {
    this.admin = admin;
    this.lag =
        MultiGauge.builder("voltstream.kafka.consumer.lag")
            .baseUnit("records")
            .description("Records between a consumer group's committed offset and the end offset")
            .register(registry);
    this.failures =
        io.micrometer.core.instrument.Counter.builder(
                "voltstream.kafka.consumer.lag.refresh.failures")
            .description("Consumer-lag refreshes that failed (Kafka unreachable, timeout)")
            .register(registry);
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "kafka-consumer-lag");
              t.setDaemon(true);
              return t;
            });
    refresher.scheduleWithFixedDelay(
        this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts refreshing the lag of every group on {@code bootstrap} into {@code registry}. */
  public static ConsumerLagMeter start(
      String bootstrap, MeterRegistry registry, Duration interval) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "voltstream-consumer-lag");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
    return new ConsumerLagMeter(Admin.create(props), registry, interval);
  }

  private void refreshQuietly() {
    try {
      List<PartitionLag> lags = read();
      List<MultiGauge.Row<?>> rows = new ArrayList<>();
      for (PartitionLag l : lags) {
        rows.add(
            MultiGauge.Row.of(
                Tags.of(
                    "group", l.group(),
                    "topic", l.topic(),
                    "partition", Integer.toString(l.partition())),
                l.records()));
      }
      lag.register(rows, true);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        return;
      }
      failures.increment();
      LOG.debug("consumer-lag refresh failed", e);
    }
  }

  private List<PartitionLag> read() throws Exception {
    return ConsumerGroupLags.read(admin, group -> true, ADMIN_TIMEOUT);
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    admin.close(Duration.ofSeconds(5));
  }
}
