package io.voltstream.sim.run;

import io.voltstream.model.SensorReading;
import io.voltstream.sim.mqtt.MqttLink;
import io.voltstream.sim.payload.ReadingPayload;
import io.voltstream.sim.payload.UnitStyle;
import io.voltstream.sim.replay.ReplayTimeline;
import io.voltstream.sim.replay.UciCsvReader;
import io.voltstream.sim.replay.UciHouse;
import io.voltstream.sim.replay.UciRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the UCI appliances file over MQTT at {@code speed}× real time on its own thread: the nine
 * climate sensors and the house meter publish what the file says, when the timeline says. The house
 * meter writes Wh, so ingest's unit normalisation is exercised.
 */
public final class ReplayRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReplayRunner.class);

  private final Path file;
  private final ZoneId zone;
  private final double speed;
  private final boolean endNow;
  private final Clock wallClock;
  private final MqttLink mqtt;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final AtomicLong published = new AtomicLong();
  private final Thread thread;

  public ReplayRunner(
      Path file, ZoneId zone, double speed, boolean endNow, Clock wallClock, MqttLink mqtt) {
    this.file = file;
    this.zone = zone;
    this.speed = speed;
    this.endNow = endNow;
    this.wallClock = wallClock;
    this.mqtt = mqtt;
    this.thread = new Thread(this::run, "voltstream-sim-replay");
    this.thread.setDaemon(true);
  }

  public ReplayRunner start() {
    thread.start();
    return this;
  }

  private void run() {
    try {
      LocalDateTime[] range = firstAndLast();
      if (range == null) {
        LOG.warn("replay file {} has no valid rows; nothing to replay", file);
        return;
      }
      Instant wallStart = wallClock.instant();
      ReplayTimeline timeline =
          endNow
              ? ReplayTimeline.endingAt(
                  zone, range[0], range[1].plus(UciHouse.ROW_INTERVAL), wallStart, speed)
              : ReplayTimeline.unshifted(zone, range[0], wallStart, speed);
      LOG.info(
          "replaying {} ({} .. {}) at {}x, event time shifted by {}",
          file,
          range[0],
          range[1],
          speed,
          timeline.shift());
      replay(timeline);
      LOG.info("replay of {} finished: {} readings published", file, published.get());
    } catch (RuntimeException e) {
      LOG.error("replay of {} stopped: {}", file, e.toString(), e);
    } finally {
      finished.countDown();
    }
  }

  private void replay(ReplayTimeline timeline) {
    SensorReading pendingMeter = null;
    try (UciCsvReader rows =
        UciCsvReader.open(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      while (rows.hasNext() && stop.getCount() > 0) {
        UciRow row = rows.next();
        Instant at = timeline.eventTime(row.start());
        List<SensorReading> batch = new ArrayList<>(UciHouse.climateReadings(row, at));
        if (pendingMeter != null) {
          batch.add(0, pendingMeter);
        }
        pendingMeter = UciHouse.houseMeterReading(row, at);
        if (!publishAt(timeline.publishAt(at), batch)) {
          return;
        }
      }
      if (pendingMeter != null) {
        publishAt(timeline.publishAt(pendingMeter.timestamp()), List.of(pendingMeter));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read replay file " + file, e);
    }
  }

  /** Waits until {@code due}, then publishes; false when stopped meanwhile. */
  private boolean publishAt(Instant due, List<SensorReading> readings) {
    try {
      Duration wait = Duration.between(wallClock.instant(), due);
      if (!wait.isNegative() && stop.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    for (SensorReading r : readings) {
      UnitStyle units =
          r.sensorId().equals(UciHouse.HOUSE_METER_ID) ? UnitStyle.METRIC_WH : UnitStyle.METRIC_KWH;
      mqtt.publish("sensors/" + r.sensorId() + "/readings", ReadingPayload.encode(r, units));
      published.incrementAndGet();
    }
    return true;
  }

  private LocalDateTime[] firstAndLast() throws UncheckedIOException {
    try (UciCsvReader rows =
        UciCsvReader.open(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      LocalDateTime first = null;
      LocalDateTime last = null;
      while (rows.hasNext()) {
        UciRow row = rows.next();
        first = first == null ? row.start() : first;
        last = row.start();
      }
      return first == null ? null : new LocalDateTime[] {first, last};
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read replay file " + file, e);
    }
  }

  /** Readings handed to MQTT so far. */
  public long published() {
    return published.get();
  }

  /** Waits for the end of the file (or a stop); true when finished within {@code timeout}. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    stop.countDown();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
