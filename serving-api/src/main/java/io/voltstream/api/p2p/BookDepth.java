package io.voltstream.api.p2p;

import io.voltstream.api.p2p.dto.MarketStatusResponse.BookSide;
import io.voltstream.api.p2p.dto.MarketStatusResponse.SlotBook;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.market.OrderSide;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The depth of a market's open books, from the order view: per slot whose gate is still open, the
 * live orders (pending or open, not final) with energy left, per side: count, remaining kWh and the
 * best price. Pure.
 */
public final class BookDepth {
  private BookDepth() {}

  public static List<SlotBook> openSlots(
      Collection<OrderStore.Entry> orders, MarketSpec market, Instant now) {
    Map<Instant, List<OrderStore.Entry>> bySlot = new TreeMap<>();
    for (OrderStore.Entry e : orders) {
      if (e.market().equals(market.id())
          && !e.isFinal()
          && e.remainingKwh() > 0
          && now.isBefore(market.gateClosureOf(e.deliveryStart()))) {
        bySlot.computeIfAbsent(e.deliveryStart(), s -> new ArrayList<>()).add(e);
      }
    }
    List<SlotBook> out = new ArrayList<>();
    bySlot.forEach(
        (slot, entries) ->
            out.add(
                new SlotBook(
                    slot,
                    market.gateClosureOf(slot),
                    side(entries, OrderSide.BUY),
                    side(entries, OrderSide.SELL))));
    return out;
  }

  private static BookSide side(List<OrderStore.Entry> entries, OrderSide side) {
    int count = 0;
    double kwh = 0;
    Double best = null;
    for (OrderStore.Entry e : entries) {
      if (e.side() != side) {
        continue;
      }
      count++;
      kwh += e.remainingKwh();
      double p = e.priceEurPerKwh();
      if (best == null || (side == OrderSide.BUY ? p > best : p < best)) {
        best = p;
      }
    }
    return new BookSide(count, kwh, best);
  }
}
