package io.voltstream.jobs.marketagents;

import io.voltstream.config.ConfigReader;
import io.voltstream.energy.EnergyValidationException;
import io.voltstream.energy.market.agent.AgentSettings;
import io.voltstream.jobs.io.JobsConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the market agents job: its own {@link MarketAgentsOptions} and the jobs' shared
 * watermark settings.
 *
 * @param updateInterval event time between two updates of a building's orders (1 min)
 * @param horizonSlots slots traded ahead (2)
 * @param minOrderKwh smallest quantity ordered [kWh] (0.01)
 * @param sellStoredAboveSocPercent battery energy above this SoC may be offered [%] (90)
 * @param staleAfter sensor powers and battery states older than this are forgotten (2 min)
 * @param forecastMaxAge a forecast issued further than this from event time is not used (2 h)
 * @param maxOutOfOrderness watermark lag behind the newest reading or battery report
 * @param idleness a partition quiet this long no longer holds the watermark
 * @param maxEventTimeAhead event times further ahead of the job's clock do not advance the
 *     watermark
 */
public record MarketAgentsJobConfig(
    Duration updateInterval,
    int horizonSlots,
    double minOrderKwh,
    double sellStoredAboveSocPercent,
    Duration staleAfter,
    Duration forecastMaxAge,
    Duration maxOutOfOrderness,
    Duration idleness,
    Duration maxEventTimeAhead)
    implements Serializable {

  public static final String JOB_NAME = "market-agents";

  public MarketAgentsJobConfig {
    try {
      agentSettings(updateInterval, horizonSlots, minOrderKwh, sellStoredAboveSocPercent);
    } catch (EnergyValidationException e) {
      throw new IllegalArgumentException(optionOf(e.field()) + ": " + e.getMessage(), e);
    }
    if (staleAfter.compareTo(updateInterval) <= 0) {
      // A meter reporting once per interval would otherwise flicker to "unknown".
      throw new IllegalArgumentException(
          MarketAgentsOptions.STALE_AFTER.name()
              + " must exceed the update interval ("
              + updateInterval
              + "), was "
              + staleAfter);
    }
  }

  public static MarketAgentsJobConfig defaults() {
    AgentSettings d = AgentSettings.defaults();
    return new MarketAgentsJobConfig(
        d.updateInterval(),
        d.horizonSlots(),
        d.minOrderKwh(),
        d.sellStoredAboveSocPercent(),
        Duration.ofMinutes(2),
        Duration.ofHours(2),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(2));
  }

  public static MarketAgentsJobConfig from(JobsConfig jobs, Map<String, String> env) {
    ConfigReader r = new ConfigReader(env);
    return new MarketAgentsJobConfig(
        r.get(MarketAgentsOptions.UPDATE_INTERVAL),
        r.get(MarketAgentsOptions.HORIZON_SLOTS),
        r.get(MarketAgentsOptions.MIN_ORDER_KWH),
        r.get(MarketAgentsOptions.SELL_STORED_ABOVE_SOC),
        r.get(MarketAgentsOptions.STALE_AFTER),
        r.get(MarketAgentsOptions.FORECAST_MAX_AGE),
        jobs.maxOutOfOrderness(),
        jobs.sourceIdleness(),
        jobs.maxEventTimeAhead());
  }

  /** The energy module's agent settings. */
  public AgentSettings agent() {
    return agentSettings(updateInterval, horizonSlots, minOrderKwh, sellStoredAboveSocPercent);
  }

  private static AgentSettings agentSettings(
      Duration interval, int horizon, double minKwh, double sellAbove) {
    return new AgentSettings(interval, horizon, minKwh, sellAbove);
  }

  private static String optionOf(String field) {
    return switch (field) {
      case "update_interval" -> MarketAgentsOptions.UPDATE_INTERVAL.name();
      case "horizon_slots" -> MarketAgentsOptions.HORIZON_SLOTS.name();
      case "min_order_kwh" -> MarketAgentsOptions.MIN_ORDER_KWH.name();
      default -> MarketAgentsOptions.SELL_STORED_ABOVE_SOC.name();
    };
  }
}
