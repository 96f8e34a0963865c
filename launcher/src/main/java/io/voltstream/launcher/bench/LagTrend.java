package io.voltstream.launcher.bench;

import java.time.Duration;
import java.util.List;

/**
 * Whether the pipeline lag (readings in Kafka not yet stored in InfluxDB) stayed bounded through a
 * step. A stack that keeps up holds a roughly constant lag (rate × latency); one that does not
 * falls further behind every second. The trend is the least-squares slope of the lag samples; the
 * lag is bounded when that slope, over the step, adds less than {@code tolerance} worth of input at
 * the target rate.
 *
 * @param slopeRecordsPerS least-squares growth of the lag [records/s]
 * @param growthRecords slope × sampled span [records]
 * @param maxRecords largest lag seen [records]
 * @param lastRecords lag at the end of the step [records]
 * @param allowedGrowthRecords growth allowed before the lag counts as unbounded [records]
 */
public record LagTrend(
    double slopeRecordsPerS,
    long growthRecords,
    long maxRecords,
    long lastRecords,
    long allowedGrowthRecords) {

  /** One lag observation, {@code at} after the step started. */
  public record Sample(Duration at, long lagRecords) {}

  public boolean bounded() {
    return growthRecords <= allowedGrowthRecords;
  }

  /**
   * The trend of {@code samples} at a target of {@code readingsPerSecond}; with fewer than two
   * samples the growth is the last lag itself (nothing to fit).
   */
  public static LagTrend of(List<Sample> samples, double readingsPerSecond, Duration tolerance) {
    long allowed = Math.round(readingsPerSecond * tolerance.toMillis() / 1000.0);
    if (samples.isEmpty()) {
      return new LagTrend(0, 0, 0, 0, allowed);
    }
    long max = samples.stream().mapToLong(Sample::lagRecords).max().orElse(0);
    long last = samples.get(samples.size() - 1).lagRecords();
    if (samples.size() < 2) {
      return new LagTrend(0, last, max, last, allowed);
    }
    double n = samples.size();
    double sumT = 0;
    double sumL = 0;
    for (Sample s : samples) {
      sumT += seconds(s.at());
      sumL += s.lagRecords();
    }
    double meanT = sumT / n;
    double meanL = sumL / n;
    double cov = 0;
    double var = 0;
    for (Sample s : samples) {
      double dt = seconds(s.at()) - meanT;
      cov += dt * (s.lagRecords() - meanL);
      var += dt * dt;
    }
    double slope = var == 0 ? 0 : cov / var;
    double span = seconds(samples.get(samples.size() - 1).at()) - seconds(samples.get(0).at());
    return new LagTrend(slope, Math.round(slope * span), max, last, allowed);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
