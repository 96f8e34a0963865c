package io.voltstream.jobs.market.logic;

import io.voltstream.energy.market.ClearingResult;
import io.voltstream.energy.market.Fills;
import io.voltstream.energy.market.MarketMode;
import io.voltstream.energy.market.Match;
import io.voltstream.energy.market.Order;
import io.voltstream.energy.market.OrderBook;
import io.voltstream.energy.market.OrderSide;
import io.voltstream.energy.market.UniformPriceAuction;
import io.voltstream.model.market.MarketClearing;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.MarketTrade;
import io.voltstream.model.market.OrderState;
import io.voltstream.model.market.OrderUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The market job's decisions for one delivery slot of one market, as pure functions of the slot's
 * kept state: accepting an order (pay-as-bid: matching it at once through the energy module's
 * {@link OrderBook}), cancelling one, and closing the book at gate closure (pay-as-clear: one
 * {@link UniformPriceAuction}; pay-as-bid: expiring what is left). The matching rules themselves
 * live in the energy module; this class turns their matches into trades with deterministic ids and
 * into order states.
 */
public final class SlotMatching {
  private SlotMatching() {}

  /**
   * Accepts {@code order} (already admitted, see {@link OrderAdmission}) into the slot whose live
   * orders are {@code live}: {@code open}; in a pay-as-bid market, also its trades against the book
   * at the bid's price and the resulting fills.
   */
  public static SlotOutcome submit(
      SlotStatus status, Collection<SlotOrder> live, MarketOrder order) {
    SlotOrder arriving = SlotOrder.accepted(order);
    Instant at = order.submittedAt();
    List<OrderUpdate> updates = new ArrayList<>(List.of(arriving.update(at)));
    if (status.spec().mode() == MarketMode.PAY_AS_CLEAR) {
      return new SlotOutcome(status, List.of(arriving), List.of(), updates, null);
    }
    Map<String, SlotOrder> book = byId(live);
    book.put(arriving.id(), arriving);
    OrderBook orderBook = OrderBook.of(live.stream().map(SlotOrder::remainder).toList());
    List<Match> matches = orderBook.submit(arriving.remainder());
    Map<String, Double> left = new HashMap<>();
    for (Order o : orderBook.resting()) {
      left.put(o.id(), o.energyKwh());
    }
    Traded traded = trade(status, book, matches, left, at);
    // The counterparties' fills in match order, then the arriving order's own.
    List<SlotOrder> changed = new ArrayList<>();
    traded.orders().values().stream()
        .filter(o -> !o.id().equals(arriving.id()))
        .forEach(changed::add);
    changed.forEach(o -> updates.add(o.update(at)));
    SlotOrder after = traded.orders().getOrDefault(arriving.id(), arriving);
    changed.add(after);
    if (after != arriving) {
      updates.add(after.update(at));
    }
    return new SlotOutcome(traded.status(), changed, traded.trades(), updates, null);
  }

  /**
   * Answers a cancel of {@code existing} (null: no such order in the slot): {@code cancelled} while
   * it is live and the gate open; otherwise its unchanged state with the reason ({@code cancel
   * refused: …}).
   */
  public static SlotOutcome cancel(SlotStatus status, SlotOrder existing, MarketOrder cancel) {
    Instant at = cancel.submittedAt();
    if (existing == null) {
      return SlotOutcome.answer(status, unknownOrder(cancel));
    }
    String refused = null;
    if (status.closed() || !at.isBefore(status.gateClosure())) {
      refused = "cancel refused: the gate closed at " + status.gateClosure();
    } else if (!existing.isLive()) {
      refused = "cancel refused: the order is " + existing.state().name().toLowerCase(Locale.ROOT);
    }
    if (refused != null) {
      return SlotOutcome.answer(status, existing.update(existing.state(), refused, at));
    }
    SlotOrder cancelled =
        existing.ended(OrderState.CANCELLED, "cancelled by " + cancel.submittedBy());
    return new SlotOutcome(
        status, List.of(cancelled), List.of(), List.of(cancelled.update(at)), null);
  }

  /** The answer to a cancel of an order the open slot does not hold: {@code rejected}. */
  public static OrderUpdate unknownOrder(MarketOrder cancel) {
    return new OrderUpdate(
        cancel.id(),
        cancel.market(),
        cancel.building(),
        cancel.side(),
        cancel.deliveryStart(),
        OrderState.REJECTED,
        0,
        0,
        0,
        0,
        null,
        cancel.origin(),
        "cancel refused: no order " + cancel.id() + " in slot " + cancel.deliveryStart(),
        cancel.submittedAt());
  }

  /**
   * Closes the slot at its gate closure. Pay-as-clear: the live orders go through one uniform-price
   * auction; each is then {@code filled}, or {@code partially_filled} and {@code expired} for the
   * rest, or {@code expired}. Pay-as-bid: what is left in the book expires. Either way the slot's
   * {@link MarketClearing} summarises it.
   */
  public static SlotOutcome close(SlotStatus status, Collection<SlotOrder> orders) {
    Instant at = status.gateClosure();
    Map<String, SlotOrder> all = byId(orders);
    List<SlotOrder> live = orders.stream().filter(SlotOrder::isLive).toList();
    SlotStatus after = status;
    List<MarketTrade> trades = List.of();
    List<OrderUpdate> updates = new ArrayList<>();
    Map<String, SlotOrder> changed = new LinkedHashMap<>();
    Double price;
    if (status.spec().mode() == MarketMode.PAY_AS_CLEAR) {
      ClearingResult result =
          UniformPriceAuction.clear(live.stream().map(SlotOrder::remainder).toList());
      Traded traded = trade(status, all, result.matches(), result.remainingKwh(), at);
      after = traded.status();
      trades = traded.trades();
      price = result.priceEurPerKwh();
      for (SlotOrder o : live) {
        SlotOrder now = traded.orders().getOrDefault(o.id(), o);
        if (now.state() == OrderState.PARTIALLY_FILLED) {
          updates.add(now.update(at)); // the fill, then the expiry of the rest
        }
        changed.put(o.id(), now);
      }
    } else {
      price =
          status.volumeKwh() > Fills.EPSILON_KWH ? status.amountEur() / status.volumeKwh() : null;
      live.forEach(o -> changed.put(o.id(), o));
    }
    for (SlotOrder o : List.copyOf(changed.values())) {
      SlotOrder end =
          o.state() == OrderState.FILLED
              ? o
              : o.ended(
                  OrderState.EXPIRED,
                  String.format("gate closure: %s kWh unmatched", o.remainingKwh()));
      changed.put(o.id(), end);
      updates.add(end.update(at));
    }
    all.putAll(changed);
    after = after.closedNow();
    return new SlotOutcome(
        after,
        List.copyOf(changed.values()),
        trades,
        updates,
        clearing(after, all.values(), price, at));
  }

  private static MarketClearing clearing(
      SlotStatus status, Collection<SlotOrder> orders, Double price, Instant at) {
    int bids = 0;
    int offers = 0;
    Set<String> participants = new HashSet<>();
    for (SlotOrder o : orders) {
      // In the book at gate closure, or traded before (a filled or partly filled then cancelled
      // order); an order cancelled untouched took no part.
      boolean counted = o.state() != OrderState.CANCELLED || o.filledKwh() > Fills.EPSILON_KWH;
      if (counted) {
        participants.add(o.order().building());
        if (o.order().side() == OrderSide.BUY) {
          bids++;
        } else {
          offers++;
        }
      }
    }
    return new MarketClearing(
        status.market(),
        status.slot(),
        status.spec().mode(),
        status.volumeKwh() > Fills.EPSILON_KWH ? price : null,
        status.volumeKwh(),
        bids + offers,
        bids,
        offers,
        status.trades(),
        participants.size(),
        at);
  }

  /** Trades and order fills of {@code matches}; {@code left} = remaining kWh by order id. */
  private static Traded trade(
      SlotStatus status,
      Map<String, SlotOrder> book,
      List<Match> matches,
      Map<String, Double> left,
      Instant at) {
    SlotStatus s = status;
    List<MarketTrade> trades = new ArrayList<>();
    Map<String, Double> amounts = new LinkedHashMap<>();
    for (Match m : matches) {
      s = s.withTrade(m.energyKwh(), m.priceEurPerKwh());
      trades.add(
          new MarketTrade(
              s.tradeId(s.trades()),
              s.market(),
              s.slot(),
              m.buyOrderId(),
              m.sellOrderId(),
              m.buyer(),
              m.seller(),
              m.energyKwh(),
              m.priceEurPerKwh(),
              s.spec().mode(),
              at));
      amounts.merge(m.sellOrderId(), m.amountEur(), Double::sum);
      amounts.merge(m.buyOrderId(), m.amountEur(), Double::sum);
    }
    Map<String, SlotOrder> orders = new LinkedHashMap<>();
    amounts.forEach(
        (id, amount) -> orders.put(id, book.get(id).traded(left.getOrDefault(id, 0.0), amount)));
    return new Traded(s, trades, orders);
  }

  private record Traded(
      SlotStatus status, List<MarketTrade> trades, Map<String, SlotOrder> orders) {}

  private static Map<String, SlotOrder> byId(Collection<SlotOrder> orders) {
    Map<String, SlotOrder> map = new LinkedHashMap<>();
    orders.forEach(o -> map.put(o.id(), o));
    return map;
  }
}
