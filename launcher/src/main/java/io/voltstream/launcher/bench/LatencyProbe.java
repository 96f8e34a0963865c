package io.voltstream.launcher.bench;

import io.voltstream.influx.InfluxClient;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.sim.mqtt.MqttPublisher;
import io.voltstream.sim.payload.ReadingPayload;
import io.voltstream.sim.payload.UnitStyle;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures publish → visible-in-InfluxDB latency: publishes one reading of sensor {@value #SENSOR}
 * every probe interval over its own MQTT connection (so it never waits behind the load generator's
 * in-flight window), with event time = wall-clock publish time, and polls InfluxDB {@code readings}
 * for the pending probes every poll interval. Latency = the wall-clock time the query answer
 * showing the probe arrived − its publish time, so it is an upper bound with a resolution of one
 * poll interval plus one query's duration ({@link #meanQueryMillis()}).
 */
final class LatencyProbe implements AutoCloseable {
  static final String SENSOR = "bench-probe";
  static final String ROOM = "bench-probe-room";
  private static final Logger LOG = LoggerFactory.getLogger(LatencyProbe.class);

  /**
   * A probe not seen after this long is given up (counted as unseen) so the poll query stays small.
   */
  private static final Duration GIVE_UP = Duration.ofMinutes(2);

  /** One probe that became visible. */
  record Seen(long publishedAtMs, Duration latency) {}

  private final MqttPublisher mqtt;
  private final InfluxClient influx;
  private final ScheduledExecutorService scheduler;
  private final ConcurrentSkipListMap<Long, Boolean> pending = new ConcurrentSkipListMap<>();
  private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Long> givenUp = new ConcurrentLinkedQueue<>();
  private final java.util.concurrent.ConcurrentSkipListSet<Long> published =
      new java.util.concurrent.ConcurrentSkipListSet<>();
  private final AtomicLong queries = new AtomicLong();
  private final AtomicLong queryNanos = new AtomicLong();
  private volatile ScheduledFuture<?> publishing;
  private long lastTimestampMs;
  private long sequence;

  private LatencyProbe(MqttPublisher mqtt, InfluxClient influx) {
    this.mqtt = mqtt;
    this.influx = influx;
    this.scheduler =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "voltstream-bench-probe");
              t.setDaemon(true);
              return t;
            });
  }

  static LatencyProbe start(
      URI mqttUrl, InfluxClient influx, Duration probeInterval, Duration pollInterval) {
    MqttPublisher mqtt =
        MqttPublisher.start(
            mqttUrl, "voltstream-bench-probe-" + UUID.randomUUID().toString().substring(0, 8), 100);
    LatencyProbe probe = new LatencyProbe(mqtt, influx);
    probe.publishing =
        probe.scheduler.scheduleAtFixedRate(
            probe::publishOne, 0, probeInterval.toNanos(), TimeUnit.NANOSECONDS);
    probe.scheduler.scheduleWithFixedDelay(
        probe::pollSafely, pollInterval.toNanos(), pollInterval.toNanos(), TimeUnit.NANOSECONDS);
    return probe;
  }

  /** Probes published in [{@code fromMs}, {@code toMs}) that are visible so far. */
  List<Seen> seenBetween(long fromMs, long toMs) {
    List<Seen> out = new ArrayList<>();
    for (Seen s : seen) {
      if (s.publishedAtMs() >= fromMs && s.publishedAtMs() < toMs) {
        out.add(s);
      }
    }
    return out;
  }

  /** Probes published in [{@code fromMs}, {@code toMs}) not visible (still pending or given up). */
  int unseenBetween(long fromMs, long toMs) {
    int n = pending.subMap(fromMs, toMs).size();
    for (long ts : givenUp) {
      if (ts >= fromMs && ts < toMs) {
        n++;
      }
    }
    return n;
  }

  /** Probes published in [{@code fromMs}, {@code toMs}) (their event time = publish time). */
  int publishedBetween(long fromMs, long toMs) {
    return published.subSet(fromMs, toMs).size();
  }

  /**
   * Waits until every probe published before {@code toMs} is visible, or {@code timeout} passed.
   */
  boolean awaitVisible(long toMs, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!pending.headMap(toMs).isEmpty()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    return true;
  }

  /**
   * Stops publishing new probes (polling for pending ones goes on), so the final counts hold still.
   */
  void stopPublishing() {
    publishing.cancel(false);
  }

  /**
   * Waits until a probe went all the way through (jobs running, sink writing), polling with a
   * deadline; fails naming the likely cause after {@code timeout}.
   */
  void awaitFirstSeen(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (seenCount() == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "no probe reading reached InfluxDB within "
                + timeout
                + ": is a Flink job failing? See var/log/voltstream.log");
      }
      java.util.concurrent.locks.LockSupport.parkNanos(
          java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(100));
    }
  }

  long seenCount() {
    return seen.size();
  }

  long publishedCount() {
    return mqtt.acked();
  }

  /** Mean duration of one poll query [ms], part of the latency resolution. */
  double meanQueryMillis() {
    long n = queries.get();
    return n == 0 ? 0 : queryNanos.get() / 1e6 / n;
  }

  private void publishOne() {
    long ts = Math.max(System.currentTimeMillis(), lastTimestampMs + 1);
    lastTimestampMs = ts;
    SensorReading probe =
        new SensorReading(
            SENSOR,
            Instant.ofEpochMilli(ts),
            ROOM,
            SensorType.POWER,
            null,
            (double) (sequence++ % 1000),
            null,
            null,
            null,
            null,
            null,
            null);
    pending.put(ts, Boolean.TRUE);
    published.add(ts);
    mqtt.publish(
            "sensors/" + SENSOR + "/readings", ReadingPayload.encode(probe, UnitStyle.METRIC_KWH))
        .exceptionally(
            e -> {
              pending.remove(ts);
              published.remove(ts);
              return null;
            });
  }

  private void pollSafely() {
    try {
      poll();
    } catch (RuntimeException e) {
      LOG.warn("latency probe poll failed: {}", e.toString());
    }
  }

  private void poll() {
    Map.Entry<Long, Boolean> oldest = pending.firstEntry();
    if (oldest == null) {
      return;
    }
    long giveUpBefore = System.currentTimeMillis() - GIVE_UP.toMillis();
    for (Long ts : pending.headMap(giveUpBefore).keySet()) {
      if (pending.remove(ts) != null) {
        givenUp.add(ts);
      }
    }
    long from = Math.max(oldest.getKey(), giveUpBefore);
    long started = System.nanoTime();
    long[] visible = StoredReadings.timestamps(influx, SENSOR, Instant.ofEpochMilli(from));
    long seenAtMs = System.currentTimeMillis();
    queries.incrementAndGet();
    queryNanos.addAndGet(System.nanoTime() - started);
    for (long ts : visible) {
      if (pending.remove(ts) != null) {
        seen.add(new Seen(ts, Duration.ofMillis(Math.max(0, seenAtMs - ts))));
      }
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    mqtt.close();
  }
}
