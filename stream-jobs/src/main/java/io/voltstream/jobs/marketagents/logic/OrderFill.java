package io.voltstream.jobs.marketagents.logic;

import io.voltstream.energy.market.OrderSide;
import io.voltstream.model.market.OrderUpdate;
import java.time.Instant;

/**
 * What one of the agent's orders has traded so far, from the market job's {@code
 * market-order-status} (cumulative per order).
 *
 * @param slot the order's delivery slot
 * @param side buy or sell
 * @param filledKwh traded so far [kWh]
 */
public record OrderFill(Instant slot, OrderSide side, double filledKwh) {

  public static OrderFill of(OrderUpdate u) {
    return new OrderFill(u.deliveryStart(), u.side(), u.filledKwh());
  }

  /** This fill's contribution to the slot's position: + bought, − sold [kWh]. */
  public double positionKwh() {
    return side == OrderSide.BUY ? filledKwh : -filledKwh;
  }
}
