package io.voltstream.energy.market.agent;

import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.market.OrderSide;
import io.voltstream.energy.tariff.Tariff;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A building's trading agent (issue 10 item 3): at every update it turns the expected net load of
 * each slot it trades, and its batteries, into the order it wants resting for that slot — a bid for
 * a deficit, an offer for a surplus — priced on a {@link PriceRamp} between the feed-in and the
 * import price of its tariff. Pure: the Flink job calls it and reconciles the answer with the
 * orders already placed. The rules are documented in energy/README.md ("Trading agents").
 */
public final class TradingAgent {
  private static final double ENERGY_STEP_KWH = 1e-3;

  private TradingAgent() {}

  /**
   * The slots the agent looks at, at {@code at}: from the first slot whose gate is still open,
   * every slot whose trading window has opened ({@link PriceRamp#opensAt}) — the first may be past
   * its last update (kept for the battery projection), the others are traded.
   */
  public static List<Instant> slots(Instant at, MarketSpec market, AgentSettings settings) {
    PriceRamp ramp = new PriceRamp(settings);
    List<Instant> out = new ArrayList<>();
    Instant slot = market.firstOpenSlot(at);
    while (!at.isBefore(ramp.opensAt(market, slot))) {
      out.add(slot);
      slot = slot.plus(MarketSpec.SLOT);
    }
    return out;
  }

  /**
   * The plan for every slot of {@code outlooks} (in slot order, as {@link #slots} lists them): the
   * batteries start from {@code battery} and are carried from one slot to the next.
   */
  public static List<SlotPlan> plan(
      Instant at,
      MarketSpec market,
      Tariff tariff,
      AgentSettings settings,
      List<SlotOutlook> outlooks,
      Optional<BatteryEnergy> battery) {
    PriceRamp ramp = new PriceRamp(settings);
    List<SlotPlan> plans = new ArrayList<>();
    Optional<BatteryEnergy> pool = battery;
    for (SlotOutlook o : outlooks) {
      SlotBalance balance = SlotBalance.of(o.netLoadKwh(), pool);
      pool = balance.batteryAfter();
      boolean trading = ramp.isTrading(at, market, o.slot());
      Optional<AgentOrder> order =
          trading
              ? order(
                  o,
                  balance,
                  SlotPrices.of(tariff, o.slot()),
                  ramp.progress(at, market, o.slot()),
                  settings.minOrderKwh())
              : Optional.empty();
      plans.add(new SlotPlan(o.slot(), trading, balance, order));
    }
    return plans;
  }

  /**
   * The order for one slot: the balance's trade minus what is already traded, as a bid (&gt; 0) or
   * an offer (&lt; 0), if at least {@code minOrderKwh}.
   */
  static Optional<AgentOrder> order(
      SlotOutlook outlook,
      SlotBalance balance,
      SlotPrices prices,
      double progress,
      double minOrderKwh) {
    double wanted = balance.tradeKwh() - outlook.positionKwh();
    double energyKwh = Math.round(Math.abs(wanted) / ENERGY_STEP_KWH) / 1000.0;
    if (energyKwh <= 0 || energyKwh < minOrderKwh) {
      return Optional.empty();
    }
    OrderSide side = wanted > 0 ? OrderSide.BUY : OrderSide.SELL;
    double price = PriceRamp.priceEurPerKwh(side, prices, progress);
    return Optional.of(
        new AgentOrder(
            outlook.slot(),
            side,
            energyKwh,
            price,
            note(outlook, balance, side, energyKwh, price, prices, progress)));
  }

  private static String note(
      SlotOutlook o,
      SlotBalance b,
      OrderSide side,
      double energyKwh,
      double price,
      SlotPrices prices,
      double progress) {
    Function<Double, String> kwh = v -> String.format(Locale.ROOT, "%.3f", v);
    StringBuilder s = new StringBuilder();
    s.append(side == OrderSide.BUY ? "bid " : "offer ")
        .append(kwh.apply(energyKwh))
        .append(" kWh: net load ")
        .append(kwh.apply(o.netLoadKwh()))
        .append(" kWh (")
        .append(o.basis())
        .append(')');
    if (b.batteryDischargeKwh() > 0) {
      s.append("; battery covers ").append(kwh.apply(b.batteryDischargeKwh())).append(" kWh");
    }
    if (b.batteryChargeKwh() > 0) {
      s.append("; battery stores ").append(kwh.apply(b.batteryChargeKwh())).append(" kWh");
    }
    if (b.storedSaleKwh() > 0) {
      s.append("; stored energy offered ").append(kwh.apply(b.storedSaleKwh())).append(" kWh");
    }
    if (o.positionKwh() != 0) {
      s.append("; already traded ").append(kwh.apply(o.positionKwh())).append(" kWh");
    }
    s.append(
        String.format(
            Locale.ROOT,
            "; price %.4f EUR/kWh at %.0f %% of the ramp %s %.4f → %.4f",
            price,
            progress * 100,
            side == OrderSide.BUY ? "feed-in → import:" : "import → feed-in:",
            side == OrderSide.BUY ? prices.lowEurPerKwh() : prices.highEurPerKwh(),
            side == OrderSide.BUY ? prices.highEurPerKwh() : prices.lowEurPerKwh()));
    return s.toString();
  }
}
