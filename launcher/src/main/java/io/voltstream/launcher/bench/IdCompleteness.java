package io.voltstream.launcher.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The end-of-run check of the step benchmark, by reading id: after the load stopped and the
 * pipeline drained, every load reading the broker acknowledged ({@link AckedIds}) must be in
 * InfluxDB under its own id ({@code <sensor>@<epoch ms>}), checked sensor by sensor. A total count
 * could hide a lost reading behind one that got through without its acknowledgement.
 */
final class IdCompleteness {
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);
  private static final int EXAMPLES = 5;

  /**
   * Lag that never goes away while the stack idles: the demo's simulators keep publishing and the
   * market clock keeps ticking, so "drained" means below this, not zero.
   */
  static final long IDLE_LAG = 1_000;

  private IdCompleteness() {}

  static boolean drainAndCheck(
      PrintStream out, AckedIds acked, StoredReadings stored, StackBenchmark.Sampler sampler) {
    out.println();
    out.println("Load stopped; waiting for the pipeline to drain…");
    long startNanos = System.nanoTime();
    long deadline = startNanos + DRAIN_TIMEOUT.toNanos();
    long expected = acked.total();
    Instant end = Instant.now().plusSeconds(60);
    // The exact count only now: counting millions of points while measuring would load influxd.
    long count = stored.countBetween(Instant.EPOCH, end);
    StackBenchmark.Tick tick = sampler.tick();
    while (count < expected && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
      count = stored.countBetween(Instant.EPOCH, end);
      tick = sampler.tick();
    }
    out.printf(
        "After %.1f s (lag still in the stack: %,d, broker queue + ingest + slowest job group)."
            + " Load readings acknowledged by the broker: %,d · distinct load reading ids in"
            + " InfluxDB: %,d%n",
        (System.nanoTime() - startNanos) / 1e9, tick.lag(), expected, count);
    long missing = 0;
    List<String> examples = new ArrayList<>();
    for (int sensor = 0; sensor < acked.sensors(); sensor++) {
      long[] lost = AckedIds.missing(acked.sortedTimestamps(sensor), stored.timestamps(sensor));
      missing += lost.length;
      for (int i = 0; i < lost.length && examples.size() < EXAMPLES; i++) {
        examples.add(stored.sensorId(sensor) + "@" + lost[i]);
      }
    }
    boolean complete = missing == 0;
    boolean drained = tick.lag() <= IDLE_LAG;
    if (complete) {
      out.printf(
          "Completeness by reading id: all %,d acknowledged load readings are in InfluxDB.%n",
          expected);
    } else if (drained) {
      out.printf(
          "Completeness by reading id: %,d of %,d acknowledged load readings are MISSING from"
              + " InfluxDB (the pipeline drained: they are lost), e.g. %s%n",
          missing, expected, examples);
    } else {
      out.printf(
          "Completeness by reading id NOT SHOWN: %,d of %,d acknowledged load readings are not in"
              + " InfluxDB, but the pipeline did not drain within %s (lag %,d), so a backlog and a"
              + " loss cannot be told apart; e.g. %s%n",
          missing, expected, Format.duration(DRAIN_TIMEOUT), tick.lag(), examples);
    }
    return complete;
  }
}
