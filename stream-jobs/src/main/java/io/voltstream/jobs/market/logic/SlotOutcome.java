package io.voltstream.jobs.market.logic;

import io.voltstream.model.market.MarketClearing;
import io.voltstream.model.market.MarketTrade;
import io.voltstream.model.market.OrderUpdate;
import java.util.List;

/**
 * What one event did to a slot: its new status, the orders whose kept state changed, and what to
 * publish — trades, order updates (in the order they happened) and, at gate closure, the slot's
 * clearing.
 *
 * @param status the slot's status afterwards
 * @param changed orders to store (new or changed)
 * @param trades new trades
 * @param updates order status changes, oldest first
 * @param clearing the slot's summary at gate closure, null otherwise
 */
public record SlotOutcome(
    SlotStatus status,
    List<SlotOrder> changed,
    List<MarketTrade> trades,
    List<OrderUpdate> updates,
    MarketClearing clearing) {

  public SlotOutcome {
    changed = List.copyOf(changed);
    trades = List.copyOf(trades);
    updates = List.copyOf(updates);
  }

  /** Only an answer (a rejection, a refused cancel): nothing stored changes. */
  public static SlotOutcome answer(SlotStatus status, OrderUpdate update) {
    return new SlotOutcome(status, List.of(), List.of(), List.of(update), null);
  }
}
