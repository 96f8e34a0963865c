package io.voltstream.sim.load;

import io.voltstream.model.SensorReading;
import io.voltstream.sim.mqtt.MqttPublisher;
import io.voltstream.sim.payload.ReadingPayload;
import io.voltstream.sim.payload.UnitStyle;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark load: publishes readings of many sensors over MQTT (QoS 1) at a target rate of data
 * points per second, with a bounded window of unacknowledged publishes (so a saturated stack shows
 * up as a lower achieved rate, not as memory growth). Each reading's event time is the wall-clock
 * time of its publish, so "publish → visible in InfluxDB" latency is {@code visibleAt − timestamp}.
 *
 * <pre>{@code
 * try (LoadGenerator load = LoadGenerator.start(LoadGeneratorConfig.defaults().withRate(30_000))) {
 *   ...; load.setRate(50_000); ...
 *   long points = load.publishedDataPoints();
 * }
 * }</pre>
 */
public final class LoadGenerator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LoadGenerator.class);
  private static final long MAX_BURST_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final LoadGeneratorConfig config;
  private final MqttPublisher mqtt;
  private final long[] lastTimestampMs;
  private final AtomicLong sentReadings = new AtomicLong();
  private final AtomicLong ackedReadings = new AtomicLong();
  private final Thread pacer;
  private final Thread reporter;
  private final AckListener ackListener;
  private volatile double readingsPerSecond;
  private volatile long rateChangedAtNanos;
  private volatile long sentAtRateChange;
  private volatile boolean closed;
  private volatile double lastAchievedPointsPerSecond;

  /**
   * Told about every reading the broker acknowledged (on the MQTT client's thread: keep it short),
   * so a benchmark can check completeness by reading id ({@code <sensor id>@<epoch ms>}).
   */
  @FunctionalInterface
  public interface AckListener {
    AckListener NONE = (sensorIndex, timestampMs) -> {};

    void acknowledged(int sensorIndex, long timestampMs);
  }

  private LoadGenerator(LoadGeneratorConfig config, MqttPublisher mqtt, AckListener ackListener) {
    this.config = config;
    this.mqtt = mqtt;
    this.ackListener = ackListener;
    this.lastTimestampMs = new long[config.sensors()];
    this.readingsPerSecond = config.readingsPerSecond();
    this.rateChangedAtNanos = System.nanoTime();
    this.pacer = new Thread(this::pace, "voltstream-load-pacer");
    this.reporter = new Thread(this::report, "voltstream-load-report");
    pacer.setDaemon(true);
    reporter.setDaemon(true);
  }

  /** Connects and starts publishing at {@code config.dataPointsPerSecond()}. */
  public static LoadGenerator start(LoadGeneratorConfig config) {
    return start(config, AckListener.NONE);
  }

  /** As {@link #start(LoadGeneratorConfig)}, telling {@code ackListener} every acknowledged id. */
  public static LoadGenerator start(LoadGeneratorConfig config, AckListener ackListener) {
    String clientId = "voltstream-load-" + UUID.randomUUID().toString().substring(0, 8);
    LoadGenerator load =
        new LoadGenerator(
            config,
            MqttPublisher.start(config.mqttUrl(), clientId, config.maxInflight()),
            ackListener);
    load.pacer.start();
    load.reporter.start();
    LOG.info(
        "load generator: {} data points/s as {} readings/s of {} metrics over {} sensors in {}"
            + " rooms",
        config.dataPointsPerSecond(),
        config.readingsPerSecond(),
        config.metricsPerReading(),
        config.sensors(),
        config.rooms());
    return load;
  }

  /**
   * Changes the target rate [data points/s]; the new rate applies from now on (no catch-up burst).
   */
  public synchronized void setRate(double dataPointsPerSecond) {
    if (!(dataPointsPerSecond > 0) || Double.isInfinite(dataPointsPerSecond)) {
      throw new IllegalArgumentException(
          "rate must be > 0 data points/s, got " + dataPointsPerSecond);
    }
    sentAtRateChange = sentReadings.get();
    rateChangedAtNanos = System.nanoTime();
    readingsPerSecond = dataPointsPerSecond / config.metricsPerReading();
    LOG.info("load generator rate set to {} data points/s", dataPointsPerSecond);
  }

  /** Current target [data points/s]. */
  public double rate() {
    return readingsPerSecond * config.metricsPerReading();
  }

  /** Readings the broker acknowledged. */
  public long publishedReadings() {
    return ackedReadings.get();
  }

  /** Data points (metric values) in acknowledged readings. */
  public long publishedDataPoints() {
    return ackedReadings.get() * config.metricsPerReading();
  }

  /** Readings handed to the MQTT client (acknowledged or still in flight). */
  public long sentReadings() {
    return sentReadings.get();
  }

  public long failedPublishes() {
    return mqtt.failed();
  }

  /** Acknowledged data points per second over the last report interval. */
  public double achievedDataPointsPerSecond() {
    return lastAchievedPointsPerSecond;
  }

  public boolean isConnected() {
    return mqtt.isConnected();
  }

  private void pace() {
    // Start the clock at the first connection, so connecting does not show up as a burst.
    while (!closed && !mqtt.isConnected()) {
      LockSupport.parkNanos(10_000_000L);
    }
    synchronized (this) {
      rateChangedAtNanos = System.nanoTime();
      sentAtRateChange = sentReadings.get();
    }
    long sequence = 0;
    while (!closed) {
      long now = System.nanoTime();
      long due;
      synchronized (this) {
        double elapsedS = (now - rateChangedAtNanos) / 1e9;
        due = sentAtRateChange + (long) (elapsedS * readingsPerSecond);
        long behind = due - sentReadings.get();
        long maxBurst = (long) Math.max(1, readingsPerSecond * MAX_BURST_NANOS / 1e9);
        if (behind > maxBurst) {
          // Falling far behind (broker saturated): drop the backlog instead of bursting later.
          sentAtRateChange -= behind - maxBurst;
          due = sentReadings.get() + maxBurst;
        }
      }
      if (sentReadings.get() >= due) {
        LockSupport.parkNanos(
            Math.min(100_000_000L, Math.max(50_000L, (long) (1e9 / readingsPerSecond / 2))));
        continue;
      }
      while (sentReadings.get() < due && !closed) {
        publishOne(sequence++);
      }
    }
  }

  private void publishOne(long sequence) {
    int sensor = (int) (sequence % config.sensors());
    String sensorId = LoadReadings.sensorId(config.sensorPrefix(), sensor);
    sentReadings.incrementAndGet();
    long[] stamped = {0};
    // The payload (and its timestamp) is built once the in-flight window has room: event time is
    // the
    // moment of sending, so a throttled generator does not inflate the measured latency.
    mqtt.publish(
            "sensors/" + sensorId + "/readings",
            () -> {
              long nowMs = System.currentTimeMillis();
              // Ids are sensor@epochMs: never reuse a millisecond for the same sensor.
              long ts = Math.max(nowMs, lastTimestampMs[sensor] + 1);
              lastTimestampMs[sensor] = ts;
              stamped[0] = ts;
              SensorReading r =
                  LoadReadings.reading(
                      config.sensorPrefix(),
                      sensor,
                      config.rooms(),
                      config.metricsPerReading(),
                      sequence / config.sensors(),
                      Instant.ofEpochMilli(ts));
              return ReadingPayload.encode(r, UnitStyle.METRIC_KWH);
            })
        .thenRun(
            () -> {
              ackedReadings.incrementAndGet();
              ackListener.acknowledged(sensor, stamped[0]);
            });
  }

  private void report() {
    long intervalNanos = config.reportInterval().toNanos();
    long lastAcked = ackedReadings.get();
    long lastAt = System.nanoTime();
    while (!closed) {
      LockSupport.parkNanos(intervalNanos);
      long acked = ackedReadings.get();
      long at = System.nanoTime();
      lastAchievedPointsPerSecond =
          (acked - lastAcked) * config.metricsPerReading() / ((at - lastAt) / 1e9);
      lastAcked = acked;
      lastAt = at;
      if (!closed) {
        LOG.info(
            "load: target {} points/s, achieved {} points/s, {} readings acked, {} in flight, {}"
                + " failed",
            Math.round(rate()),
            Math.round(lastAchievedPointsPerSecond),
            acked,
            mqtt.inflight(),
            mqtt.failed());
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(reporter);
    try {
      pacer.join(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      // A pacer still blocked on the in-flight window (or on a first connect) is released by this.
      mqtt.close();
    }
    LOG.info(
        "load generator stopped: {} readings sent, {} acknowledged, {} failed",
        sentReadings.get(),
        ackedReadings.get(),
        mqtt.failed());
  }
}
