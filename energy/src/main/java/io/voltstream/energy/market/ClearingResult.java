package io.voltstream.energy.market;

import java.util.List;
import java.util.Map;

/**
 * The outcome of clearing one slot of a pay-as-clear market.
 *
 * @param matches the trades, in a deterministic order (bids by {@link Order#PRIORITY}, then offers
 *     by it)
 * @param priceEurPerKwh the uniform clearing price, null when nothing traded
 * @param volumeKwh total energy traded [kWh]
 * @param remainingKwh per order id, what was left unfilled [kWh] (0 for filled orders; every input
 *     order appears)
 */
public record ClearingResult(
    List<Match> matches,
    Double priceEurPerKwh,
    double volumeKwh,
    Map<String, Double> remainingKwh) {
  public ClearingResult {
    matches = List.copyOf(matches);
    remainingKwh = Map.copyOf(remainingKwh);
  }
}
