package io.voltstream.energy.market.agent;

import static io.voltstream.energy.EnergyValidationException.requireInRange;

import io.voltstream.energy.EnergyValidationException;
import io.voltstream.energy.market.MarketSpec;
import java.time.Duration;

/**
 * How a building's trading agent behaves (energy/README.md, "Trading agents").
 *
 * @param updateInterval event time between two price updates of an order (GSy-e's {@code
 *     update_interval}); whole seconds, shorter than a slot
 * @param horizonSlots how many slots ahead the agent trades: a slot is traded from {@code
 *     horizonSlots} slots before its gate closure until one update interval before it
 * @param minOrderKwh smaller quantities are not ordered [kWh]
 * @param sellStoredAboveSocPercent stored battery energy above this SoC may be offered [%]; 100
 *     never offers stored energy (surplus PV is still offered)
 */
public record AgentSettings(
    Duration updateInterval,
    int horizonSlots,
    double minOrderKwh,
    double sellStoredAboveSocPercent) {

  public AgentSettings {
    if (updateInterval == null
        || updateInterval.isNegative()
        || updateInterval.isZero()
        || updateInterval.toMillis() % 1000 != 0
        || updateInterval.compareTo(MarketSpec.SLOT) >= 0) {
      throw new EnergyValidationException(
          "update_interval", "must be whole seconds, > 0 and < 15 minutes, was " + updateInterval);
    }
    requireInRange("horizon_slots", horizonSlots, 1, 96);
    requireInRange("min_order_kwh", minOrderKwh, 0, 1000);
    requireInRange("sell_stored_above_soc_percent", sellStoredAboveSocPercent, 0, 100);
  }

  /**
   * Documented defaults: updates every minute, the next 2 slots, orders of at least 0.01 kWh,
   * stored energy offered above 90 % SoC.
   */
  public static AgentSettings defaults() {
    return new AgentSettings(Duration.ofMinutes(1), 2, 0.01, 90);
  }
}
