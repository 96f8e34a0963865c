package io.voltstream.energy.finance;

import io.voltstream.energy.market.Match;
import java.util.Collection;

/**
 * One participant's trades in one slot, summed: what it bought and sold and what it paid and
 * received. Every trade adds its amount to the buyer's {@code paidEur} and the seller's {@code
 * receivedEur}, so over all participants paid equals received.
 *
 * @param boughtKwh [kWh]
 * @param soldKwh [kWh]
 * @param paidEur to sellers [€]
 * @param receivedEur from buyers [€]
 */
public record MarketPosition(double boughtKwh, double soldKwh, double paidEur, double receivedEur) {

  public static final MarketPosition NONE = new MarketPosition(0, 0, 0, 0);

  /** {@code building}'s position from the slot's trades (trades of others are ignored). */
  public static MarketPosition of(String building, Collection<Match> trades) {
    MarketPosition p = NONE;
    for (Match m : trades) {
      if (m.buyer().equals(building)) {
        p =
            new MarketPosition(
                p.boughtKwh + m.energyKwh(), p.soldKwh, p.paidEur + m.amountEur(), p.receivedEur);
      }
      if (m.seller().equals(building)) {
        p =
            new MarketPosition(
                p.boughtKwh, p.soldKwh + m.energyKwh(), p.paidEur, p.receivedEur + m.amountEur());
      }
    }
    return p;
  }

  /** Bought − sold [kWh]: the exchange the building committed to. */
  public double netKwh() {
    return boughtKwh - soldKwh;
  }

  public boolean traded() {
    return boughtKwh > 0 || soldKwh > 0;
  }
}
