package io.voltstream.energy.market;

import io.voltstream.energy.EnergyValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Pay-as-bid continuous matching: the order book of one market slot (GSy-e's two-sided pay-as-bid
 * market). An arriving order trades at once with the resting orders of the other side, best first
 * by {@link Order#PRIORITY} (price, then {@code submitted_at}, then id), while prices cross (bid
 * limit ≥ offer limit); every trade is priced at the <b>bid's</b> limit, whichever side arrived;
 * whatever is left rests. A remainder ≤ {@link Fills#EPSILON_KWH} counts as filled and does not
 * rest.
 *
 * <p>The book is never crossed between calls. Its whole state is {@link #resting()}: a Flink
 * operator keeps that list in state and rebuilds the book with {@link #of(List)}. Ids must be
 * unique among resting orders; the book does not remember ids of orders that left it (filled,
 * cancelled), so that its state stays the resting orders alone — the market job owns uniqueness
 * across a slot. Not thread-safe (one per keyed slot). Submit and cancel are O(log n) per touched
 * order.
 */
public final class OrderBook {
  private final NavigableSet<Order> bids = new TreeSet<>(Order.PRIORITY);
  private final NavigableSet<Order> offers = new TreeSet<>(Order.PRIORITY);
  private final Map<String, Order> restingById = new HashMap<>();

  /** An empty book. */
  public OrderBook() {}

  /**
   * Rebuilds a book from its {@link #resting()} orders (any order).
   *
   * @throws EnergyValidationException naming {@code id} for a duplicate id
   * @throws IllegalArgumentException when the orders cross (a book never rests crossed)
   */
  public static OrderBook of(List<Order> resting) {
    OrderBook book = new OrderBook();
    for (Order order : resting) {
      book.requireNew(order.id());
      book.rest(order);
    }
    if (!book.bids.isEmpty()
        && !book.offers.isEmpty()
        && crosses(book.bids.first(), book.offers.first())) {
      throw new IllegalArgumentException(
          "resting orders cross: bid "
              + book.bids.first().id()
              + " and offer "
              + book.offers.first().id());
    }
    return book;
  }

  /**
   * Matches {@code order} against the other side and rests its remainder.
   *
   * @return the trades, best resting order first (empty when nothing crossed)
   * @throws EnergyValidationException naming {@code id} when an order with that id rests
   */
  public List<Match> submit(Order order) {
    requireNew(order.id());
    NavigableSet<Order> opposite = order.side() == OrderSide.BUY ? offers : bids;
    List<Match> matches = new ArrayList<>(2);
    double left = order.energyKwh();
    while (left > 0 && !opposite.isEmpty()) {
      Order best = opposite.first();
      Order bid = order.side() == OrderSide.BUY ? order : best;
      Order offer = order.side() == OrderSide.BUY ? best : order;
      if (!crosses(bid, offer)) {
        break;
      }
      double kwh = Math.min(left, best.energyKwh());
      matches.add(match(bid, offer, kwh, bid.limitEurPerKwh()));
      left = Fills.remainder(left, kwh);
      opposite.pollFirst();
      restingById.remove(best.id());
      double bestLeft = Fills.remainder(best.energyKwh(), kwh);
      if (bestLeft > 0) {
        rest(best.withEnergyKwh(bestLeft));
      }
    }
    if (left > 0) {
      rest(left == order.energyKwh() ? order : order.withEnergyKwh(left));
    }
    return matches;
  }

  /**
   * Removes a resting order; returns its unfilled remainder, empty when none rests with {@code id}.
   */
  public Optional<Order> cancel(String id) {
    Order removed = restingById.remove(id);
    if (removed == null) {
      return Optional.empty();
    }
    sideOf(removed).remove(removed);
    return Optional.of(removed);
  }

  /** The resting order with {@code id} (its remainder), if any. */
  public Optional<Order> get(String id) {
    return Optional.ofNullable(restingById.get(id));
  }

  /** Every resting order: bids by priority, then offers by priority (the book's whole state). */
  public List<Order> resting() {
    List<Order> all = new ArrayList<>(restingById.size());
    all.addAll(bids);
    all.addAll(offers);
    return all;
  }

  /** Resting bids, best (highest limit) first. */
  public List<Order> bids() {
    return List.copyOf(bids);
  }

  /** Resting offers, best (lowest limit) first. */
  public List<Order> offers() {
    return List.copyOf(offers);
  }

  /** The best resting bid. */
  public Optional<Order> bestBid() {
    return bids.isEmpty() ? Optional.empty() : Optional.of(bids.first());
  }

  /** The best resting offer. */
  public Optional<Order> bestOffer() {
    return offers.isEmpty() ? Optional.empty() : Optional.of(offers.first());
  }

  /** Energy wanted by the resting bids [kWh] (O(n)). */
  public double bidDepthKwh() {
    return bids.stream().mapToDouble(Order::energyKwh).sum();
  }

  /** Energy offered by the resting offers [kWh] (O(n)). */
  public double offerDepthKwh() {
    return offers.stream().mapToDouble(Order::energyKwh).sum();
  }

  /** How many orders rest. */
  public int size() {
    return restingById.size();
  }

  public boolean isEmpty() {
    return restingById.isEmpty();
  }

  static Match match(Order bid, Order offer, double kwh, double priceEurPerKwh) {
    return new Match(bid.id(), offer.id(), bid.building(), offer.building(), kwh, priceEurPerKwh);
  }

  static EnergyValidationException duplicateId(String id) {
    return new EnergyValidationException("id", "duplicate order id " + id);
  }

  private static boolean crosses(Order bid, Order offer) {
    return bid.limitEurPerKwh() >= offer.limitEurPerKwh();
  }

  private void requireNew(String id) {
    if (restingById.containsKey(id)) {
      throw duplicateId(id);
    }
  }

  private void rest(Order order) {
    sideOf(order).add(order);
    restingById.put(order.id(), order);
  }

  private NavigableSet<Order> sideOf(Order order) {
    return order.side() == OrderSide.BUY ? bids : offers;
  }
}
