package io.voltstream.jobs.market;

import io.voltstream.config.ConfigReader;
import io.voltstream.jobs.io.JobsConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the market job: its own {@link MarketOptions} and the jobs' shared watermark
 * settings.
 *
 * @param closedSlotRetention event time a closed slot's order states are kept after its gate
 *     closure (1 h)
 * @param orderHorizon how far after {@code submitted_at} a delivery slot may start (7 d)
 * @param maxOutOfOrderness watermark lag behind the newest order or reading
 * @param idleness a partition quiet this long no longer holds the watermark
 * @param maxEventTimeAhead event times further ahead of the job's clock do not advance the
 *     watermark
 */
public record MarketJobConfig(
    Duration closedSlotRetention,
    Duration orderHorizon,
    Duration maxOutOfOrderness,
    Duration idleness,
    Duration maxEventTimeAhead)
    implements Serializable {

  public static final String JOB_NAME = "market";

  public MarketJobConfig {
    Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
    Objects.requireNonNull(idleness, "idleness");
    if (closedSlotRetention == null
        || closedSlotRetention.isNegative()
        || closedSlotRetention.isZero()) {
      throw new IllegalArgumentException(
          MarketOptions.CLOSED_SLOT_RETENTION.name()
              + " must be positive, was "
              + closedSlotRetention);
    }
    if (orderHorizon == null || orderHorizon.toMinutes() < 15) {
      throw new IllegalArgumentException(
          MarketOptions.ORDER_HORIZON.name()
              + " must be at least one slot (15m), was "
              + orderHorizon);
    }
  }

  public static MarketJobConfig defaults() {
    return new MarketJobConfig(
        Duration.ofHours(1),
        Duration.ofDays(7),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(2));
  }

  public static MarketJobConfig from(JobsConfig jobs, Map<String, String> env) {
    ConfigReader r = new ConfigReader(env);
    return new MarketJobConfig(
        r.get(MarketOptions.CLOSED_SLOT_RETENTION),
        r.get(MarketOptions.ORDER_HORIZON),
        jobs.maxOutOfOrderness(),
        jobs.sourceIdleness(),
        jobs.maxEventTimeAhead());
  }
}
