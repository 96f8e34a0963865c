package io.voltstream.launcher.bench;

import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The end-of-run check of every benchmark: after the load stopped, waits until InfluxDB caught up
 * with Kafka and compares the readings stored with the readings the MQTT broker acknowledged.
 */
final class Completeness {
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);

  private Completeness() {}

  /** After the load stopped: waits until InfluxDB caught up, then compares exact counts. */
  static boolean drainAndCheck(
      PrintStream out,
      PipelineCounters counters,
      long storedOffset,
      BenchStack stack,
      String db,
      long publishedReadings) {
    out.println();
    out.println("Load stopped; waiting for the pipeline to drain…");
    long startNanos = System.nanoTime();
    long deadline = startNanos + DRAIN_TIMEOUT.toNanos();
    PipelineCounters.Snapshot c = counters.sample();
    while (c.influxPointsWritten() - storedOffset < c.kafkaReadings()
        && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
      c = counters.sample();
    }
    long kafkaRecords = c.kafkaReadings();
    // Exact counts only now: counting millions of points while measuring would load influxd. The
    // counter above includes non-reading points, so confirm with the count until it is complete.
    long stored = countReadings(stack, db);
    while (stored < publishedReadings && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
      stored = countReadings(stack, db);
    }
    var ingest = stack.ingest().metrics().snapshot();
    long redelivered = ingest.redeliveries();
    out.printf(
        "Drained in %.1f s. Readings acknowledged by MQTT broker: %,d · records in Kafka readings:"
            + " %,d · points in InfluxDB readings: %,d · ingest redeliveries: %,d%n",
        (System.nanoTime() - startNanos) / 1e9,
        publishedReadings,
        kafkaRecords,
        stored,
        redelivered);
    out.println("Ingest: " + ingest.summary());
    // Kafka may hold duplicates (QoS 1 redelivery); they are the same InfluxDB point.
    boolean complete = stored >= publishedReadings;
    out.println(
        complete
            ? "Completeness: every acknowledged reading is in InfluxDB (nothing lost)."
            : String.format(
                "Completeness: %,d acknowledged readings are MISSING from InfluxDB.",
                publishedReadings - stored));
    return complete;
  }

  static long countReadings(BenchStack stack, String db) {
    var r = Schema.READINGS;
    List<Series> answer =
        stack
            .infra()
            .influxClient()
            .withDatabase(db)
            .query(InfluxQuery.of("SELECT count(").column(r.powerW).text(") FROM ").from(r));
    Double count =
        answer.isEmpty() || answer.get(0).values().isEmpty()
            ? null
            : Series.number(answer.get(0).values().get(0), 1);
    return count == null ? 0 : count.longValue();
  }
}
