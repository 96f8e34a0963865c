package io.voltstream.energy.market;

import static io.voltstream.energy.EnergyValidationException.requireText;

/**
 * A building's membership of a market (registry, {@code Building.market}). A building without one
 * belongs to {@link MarketSpec#DEFAULT_ID} with its trading agent off ({@link #defaults()}).
 *
 * @param market the market's id
 * @param agent whether the building's trading agent places orders for it (on in the demo)
 */
public record MarketMembership(String market, boolean agent) {
  public MarketMembership {
    market = market == null ? MarketSpec.DEFAULT_ID : requireText("market.market", market);
  }

  /** Documented default: the {@code community} market, agent off. */
  public static MarketMembership defaults() {
    return new MarketMembership(MarketSpec.DEFAULT_ID, false);
  }
}
