package io.voltstream.jobs.market;

import io.voltstream.energy.market.MarketMode;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.market.OrderSide;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.OrderAction;
import io.voltstream.model.market.OrderOrigin;
import java.time.Instant;

/** Instants, markets and order factories of the market job's tests. */
public final class MarketTestData {
  /** A Monday morning; the slot under test starts half an hour later. */
  public static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  public static final Instant SLOT = Instant.parse("2026-01-05T10:30:00Z");

  /** Gate closure of {@link #SLOT} in the default market (300 s before). */
  public static final Instant GATE = Instant.parse("2026-01-05T10:25:00Z");

  public static final String COMMUNITY = MarketSpec.DEFAULT_ID;

  /** A pay-as-bid market with a 10-minute gate closure. */
  public static final MarketSpec FAST =
      new MarketSpec("fast", "Continuous", MarketMode.PAY_AS_BID, 600);

  private MarketTestData() {}

  public static MarketOrder bid(String id, String building, double kwh, double price, Instant at) {
    return order(COMMUNITY, id, building, OrderSide.BUY, kwh, price, SLOT, at);
  }

  public static MarketOrder offer(
      String id, String building, double kwh, double price, Instant at) {
    return order(COMMUNITY, id, building, OrderSide.SELL, kwh, price, SLOT, at);
  }

  public static MarketOrder order(
      String market,
      String id,
      String building,
      OrderSide side,
      double kwh,
      double price,
      Instant slot,
      Instant at) {
    return new MarketOrder(
        OrderAction.SUBMIT,
        id,
        market,
        building,
        side,
        kwh,
        price,
        slot,
        at,
        "admin",
        OrderOrigin.API,
        null);
  }

  public static MarketOrder cancel(MarketOrder order, Instant at) {
    return MarketOrder.cancel(order, at, "admin");
  }

  public static RegistryChange market(MarketSpec spec) {
    try {
      return new RegistryChange(
          RegistryKey.market(spec.id()), Json.MAPPER.writeValueAsString(spec));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
