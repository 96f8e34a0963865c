package io.voltstream.energy.market.agent;

import io.voltstream.energy.tariff.Tariff;
import java.time.Instant;

/**
 * The grid prices that bound a slot's trading for one building: what it pays to import and what it
 * receives for feeding in. Trading between them beats the grid for both sides.
 *
 * @param importEurPerKwh the tariff's import price in the slot [€/kWh]
 * @param feedInEurPerKwh the tariff's feed-in price [€/kWh]
 */
public record SlotPrices(double importEurPerKwh, double feedInEurPerKwh) {

  /** The building's prices for the slot starting at {@code slot} (import price of its hour). */
  public static SlotPrices of(Tariff tariff, Instant slot) {
    return new SlotPrices(tariff.importPriceEurPerKwh(slot), tariff.exportEurPerKwh());
  }

  /** The lower bound of the ramp: normally the feed-in price. */
  public double lowEurPerKwh() {
    return Math.min(importEurPerKwh, feedInEurPerKwh);
  }

  /** The upper bound of the ramp: normally the import price. */
  public double highEurPerKwh() {
    return Math.max(importEurPerKwh, feedInEurPerKwh);
  }
}
