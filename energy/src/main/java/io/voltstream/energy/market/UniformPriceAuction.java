package io.voltstream.energy.market;

import io.voltstream.energy.EnergyValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pay-as-clear: the uniform-price double auction that clears one slot at gate closure
 * (volume-maximising, as GSy-e's two-sided pay-as-clear market).
 *
 * <p><b>Rule.</b> Bids are sorted by {@link Order#PRIORITY} (highest limit first), offers by it
 * (lowest limit first). Walking both lists, the best remaining bid is paired with the best
 * remaining offer while bid limit ≥ offer limit; each pairing trades the smaller of their
 * remainders (partial fills; a remainder ≤ {@link Fills#EPSILON_KWH} counts as filled). Because
 * bids only get cheaper and offers only dearer along the walk, it stops exactly at the largest
 * crossing volume: no other set of trades respecting the limits moves more energy.
 *
 * <p><b>Price.</b> One price for every trade: the midpoint of the marginal (last matched) bid's
 * limit and the marginal offer's limit. Every matched bid's limit is ≥ the marginal bid's and every
 * matched offer's ≤ the marginal offer's, so every buyer pays at most, and every seller receives at
 * least, its limit. No trade → price {@code null}.
 *
 * <p><b>Ties and determinism.</b> {@link Order#PRIORITY} orders by price, then {@code
 * submitted_at}, then id, and ids are unique, so the order of the input collection never matters:
 * the same orders in any arrival order give an equal {@link ClearingResult}. Matches are listed in
 * walk order (bids by priority, then offers by priority).
 */
public final class UniformPriceAuction {
  private UniformPriceAuction() {}

  /**
   * Clears one slot.
   *
   * @param orders the slot's bids and offers (ids unique)
   * @return the trades at the uniform price, the volume and every order's unfilled remainder
   * @throws EnergyValidationException naming {@code id} when two orders share an id
   */
  public static ClearingResult clear(Collection<Order> orders) {
    Objects.requireNonNull(orders, "orders");
    Map<String, Double> remainingKwh = new HashMap<>(orders.size() * 2);
    List<Order> bids = new ArrayList<>();
    List<Order> offers = new ArrayList<>();
    for (Order order : orders) {
      if (remainingKwh.putIfAbsent(order.id(), order.energyKwh()) != null) {
        throw OrderBook.duplicateId(order.id());
      }
      (order.side() == OrderSide.BUY ? bids : offers).add(order);
    }
    bids.sort(Order.PRIORITY);
    offers.sort(Order.PRIORITY);

    List<Pairing> pairings = new ArrayList<>();
    int b = 0;
    int s = 0;
    double bidLeft = bids.isEmpty() ? 0 : bids.get(0).energyKwh();
    double offerLeft = offers.isEmpty() ? 0 : offers.get(0).energyKwh();
    while (b < bids.size()
        && s < offers.size()
        && bids.get(b).limitEurPerKwh() >= offers.get(s).limitEurPerKwh()) {
      Order bid = bids.get(b);
      Order offer = offers.get(s);
      double kwh = Math.min(bidLeft, offerLeft);
      pairings.add(new Pairing(bid, offer, kwh));
      bidLeft = Fills.remainder(bidLeft, kwh);
      offerLeft = Fills.remainder(offerLeft, kwh);
      remainingKwh.put(bid.id(), bidLeft);
      remainingKwh.put(offer.id(), offerLeft);
      if (bidLeft == 0 && ++b < bids.size()) {
        bidLeft = bids.get(b).energyKwh();
      }
      if (offerLeft == 0 && ++s < offers.size()) {
        offerLeft = offers.get(s).energyKwh();
      }
    }
    if (pairings.isEmpty()) {
      return new ClearingResult(List.of(), null, 0, remainingKwh);
    }
    Pairing marginal = pairings.get(pairings.size() - 1);
    double price = midpoint(marginal.bid().limitEurPerKwh(), marginal.offer().limitEurPerKwh());
    List<Match> matches = new ArrayList<>(pairings.size());
    double volumeKwh = 0;
    for (Pairing pairing : pairings) {
      matches.add(OrderBook.match(pairing.bid(), pairing.offer(), pairing.kwh(), price));
      volumeKwh += pairing.kwh();
    }
    return new ClearingResult(matches, price, volumeKwh, remainingKwh);
  }

  /** The midpoint of {@code bidLimit} ≥ {@code offerLimit}, never outside them (no overflow). */
  static double midpoint(double bidLimit, double offerLimit) {
    double mid = (bidLimit + offerLimit) / 2;
    if (!Double.isFinite(mid)) {
      mid = bidLimit / 2 + offerLimit / 2;
    }
    return Math.min(bidLimit, Math.max(offerLimit, mid));
  }

  private record Pairing(Order bid, Order offer, double kwh) {}
}
