package io.voltstream.jobs.market.logic;

import io.voltstream.energy.EnergyValidationException;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.OrderState;
import io.voltstream.model.market.OrderUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a market takes a submitted order, and if not the reason its {@code rejected} status
 * carries. The order is judged in event time: by its own {@code submitted_at} against the slot's
 * gate closure, and by the market clock (the watermark) for orders that arrive after their slot
 * closed.
 */
public final class OrderAdmission {
  private OrderAdmission() {}

  /**
   * The settings of market {@code id}: its registry entry, else the documented default for {@link
   * MarketSpec#DEFAULT_ID} (the community market trades without a registry entry), else none.
   */
  public static Optional<MarketSpec> specOf(MarketSpec registered, String id) {
    if (registered != null) {
      return Optional.of(registered);
    }
    return MarketSpec.DEFAULT_ID.equals(id) ? Optional.of(MarketSpec.defaults()) : Optional.empty();
  }

  /**
   * Why {@code order} is rejected, or empty when its slot takes it.
   *
   * @param spec the market's settings (empty: unknown market)
   * @param status the slot's status, null while it holds no order
   * @param clock the market clock (watermark)
   * @param horizon how far after {@code submitted_at} a delivery slot may start
   */
  public static Optional<String> refusal(
      MarketOrder order,
      Optional<MarketSpec> spec,
      SlotStatus status,
      Instant clock,
      Duration horizon) {
    if (order.side() == null) {
      return Optional.of("side: missing (buy or sell)");
    }
    try {
      order.toOrder();
      MarketSpec.requireSlotStart("delivery_start", order.deliveryStart());
    } catch (EnergyValidationException e) {
      return Optional.of(e.getMessage());
    }
    if (spec.isEmpty()) {
      return Optional.of(
          "unknown market '"
              + order.market()
              + "' (no registry entry market:"
              + order.market()
              + ")");
    }
    Instant slot = order.deliveryStart();
    if (slot.isAfter(order.submittedAt().plus(horizon))) {
      return Optional.of(
          "delivery_start: "
              + slot
              + " is more than "
              + horizon
              + " after submitted_at "
              + order.submittedAt());
    }
    Instant gate = (status != null ? status.spec() : spec.get()).gateClosureOf(slot);
    if (!order.submittedAt().isBefore(gate)) {
      return Optional.of(
          "gate closed: submitted at "
              + order.submittedAt()
              + ", the gate of slot "
              + slot
              + " closed at "
              + gate);
    }
    if ((status != null && status.closed()) || !clock.isBefore(gate)) {
      return Optional.of(
          "gate closed: the order arrived after slot "
              + slot
              + " closed at "
              + gate
              + " (market clock "
              + clock
              + ")");
    }
    return Optional.empty();
  }

  /** The {@code rejected} status of {@code o}, nothing filled. */
  public static OrderUpdate rejection(MarketOrder o, String reason) {
    return new OrderUpdate(
        o.id(),
        o.market(),
        o.building(),
        o.side(),
        o.deliveryStart(),
        OrderState.REJECTED,
        o.energyKwh(),
        o.priceEurPerKwh(),
        0,
        o.energyKwh(),
        null,
        o.origin(),
        reason,
        o.submittedAt());
  }
}
