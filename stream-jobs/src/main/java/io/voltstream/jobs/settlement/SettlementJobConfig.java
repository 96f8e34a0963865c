package io.voltstream.jobs.settlement;

import io.voltstream.config.ConfigReader;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.jobs.io.JobsConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the settlement job: its own {@link SettlementOptions} and the jobs' shared watermark
 * settings.
 *
 * @param flushInterval event time between integrations of the buffered samples (1 min; divides 15
 *     minutes so that slot ends are flush points)
 * @param staleAfter a meter power or battery state holds this long after its reading (2 min)
 * @param correctionWindow a settled slot is kept this long after its end for late trades (24 h)
 * @param maxOutOfOrderness watermark lag behind the newest reading or battery report
 * @param idleness a partition quiet this long no longer holds the watermark
 * @param maxEventTimeAhead event times further ahead of the job's clock do not advance the
 *     watermark
 */
public record SettlementJobConfig(
    Duration flushInterval,
    Duration staleAfter,
    Duration correctionWindow,
    Duration maxOutOfOrderness,
    Duration idleness,
    Duration maxEventTimeAhead)
    implements Serializable {

  public static final String JOB_NAME = "settlement";

  public SettlementJobConfig {
    if (flushInterval.isZero()
        || flushInterval.isNegative()
        || MarketSpec.SLOT.toMillis() % flushInterval.toMillis() != 0) {
      throw new IllegalArgumentException(
          SettlementOptions.FLUSH_INTERVAL.name()
              + " must divide 15 minutes (e.g. 30s, 1m, 5m), was "
              + flushInterval);
    }
    if (staleAfter.isZero() || staleAfter.isNegative()) {
      throw new IllegalArgumentException(
          SettlementOptions.STALE_AFTER.name() + " must be positive, was " + staleAfter);
    }
    if (correctionWindow.compareTo(MarketSpec.SLOT) < 0) {
      throw new IllegalArgumentException(
          SettlementOptions.CORRECTION_WINDOW.name()
              + " must be at least 15 minutes, was "
              + correctionWindow);
    }
  }

  public static SettlementJobConfig defaults() {
    return new SettlementJobConfig(
        Duration.ofMinutes(1),
        Duration.ofMinutes(2),
        Duration.ofHours(24),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(2));
  }

  public static SettlementJobConfig from(JobsConfig jobs, Map<String, String> env) {
    ConfigReader r = new ConfigReader(env);
    return new SettlementJobConfig(
        r.get(SettlementOptions.FLUSH_INTERVAL),
        r.get(SettlementOptions.STALE_AFTER),
        r.get(SettlementOptions.CORRECTION_WINDOW),
        jobs.maxOutOfOrderness(),
        jobs.sourceIdleness(),
        jobs.maxEventTimeAhead());
  }
}
