package io.voltstream.jobs.market.logic;

import io.voltstream.energy.market.Fills;
import io.voltstream.energy.market.Order;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.OrderState;
import io.voltstream.model.market.OrderUpdate;
import java.time.Instant;

/**
 * One accepted order of a delivery slot as the market job keeps it between events: the order as
 * submitted, its state, what is left of it and what its trades amounted to. A remainder within
 * {@link Fills#EPSILON_KWH} counts as filled, as in the matchers.
 *
 * @param order the submit record
 * @param state open, partially_filled, filled, cancelled or expired (rejected orders are not kept)
 * @param remainingKwh energy not traded yet [kWh]
 * @param amountEur sum of energy × price over its trades [€]
 * @param reason why it was cancelled or expired, null otherwise
 */
public record SlotOrder(
    MarketOrder order, OrderState state, double remainingKwh, double amountEur, String reason) {

  /** A newly accepted order, nothing traded. */
  public static SlotOrder accepted(MarketOrder order) {
    return new SlotOrder(order, OrderState.OPEN, order.energyKwh(), 0, null);
  }

  public String id() {
    return order.id();
  }

  /** Traded so far [kWh]. */
  public double filledKwh() {
    return order.energyKwh() - remainingKwh;
  }

  /** Whether it can still trade or be cancelled (open or partially filled). */
  public boolean isLive() {
    return state == OrderState.OPEN || state == OrderState.PARTIALLY_FILLED;
  }

  /** What is left of it, as the clearing and the order book see it. */
  public Order remainder() {
    return order.toOrder().withEnergyKwh(remainingKwh);
  }

  /**
   * After a trade leaving {@code leftKwh}, worth {@code moreAmountEur}: filled or partially filled.
   */
  public SlotOrder traded(double leftKwh, double moreAmountEur) {
    boolean filled = Fills.isFilled(leftKwh);
    return new SlotOrder(
        order,
        filled ? OrderState.FILLED : OrderState.PARTIALLY_FILLED,
        filled ? 0 : leftKwh,
        amountEur + moreAmountEur,
        null);
  }

  /** The same order in a final state with a reason (cancelled, expired). */
  public SlotOrder ended(OrderState finalState, String why) {
    return new SlotOrder(order, finalState, remainingKwh, amountEur, why);
  }

  /** Its state as the {@code market-order-status} record at {@code at}. */
  public OrderUpdate update(Instant at) {
    return update(state, reason, at);
  }

  /** Its figures with another state and reason (e.g. a refused cancel keeps the state). */
  public OrderUpdate update(OrderState shownState, String shownReason, Instant at) {
    double filled = filledKwh();
    return new OrderUpdate(
        order.id(),
        order.market(),
        order.building(),
        order.side(),
        order.deliveryStart(),
        shownState,
        order.energyKwh(),
        order.priceEurPerKwh(),
        filled,
        remainingKwh,
        filled > Fills.EPSILON_KWH ? amountEur / filled : null,
        order.origin(),
        shownReason,
        at);
  }
}
