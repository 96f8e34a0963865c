package io.voltstream.jobs.dispatch.logic;

import io.voltstream.energy.market.MarketSpec;
import java.time.Instant;

/**
 * One side of a market trade for one building: the energy it committed to exchange with the grid in
 * one 15-minute delivery slot.
 *
 * @param slot delivery slot start
 * @param energyKwh + bought (the buyer's leg), − sold (the seller's leg) [kWh]
 */
public record MarketLeg(Instant slot, double energyKwh) {

  /** Whether the slot is over at {@code at}: the leg no longer matters and leaves the state. */
  public boolean endedBy(Instant at) {
    return !slot.plus(MarketSpec.SLOT).isAfter(at);
  }

  /** Bought − sold over {@code legs} for the slot containing {@code at} [kWh]. */
  public static double positionKwh(Iterable<MarketLeg> legs, Instant at) {
    Instant current = MarketSpec.slotOf(at);
    double kwh = 0;
    for (MarketLeg leg : legs) {
      if (leg.slot().equals(current)) {
        kwh += leg.energyKwh();
      }
    }
    return kwh;
  }
}
