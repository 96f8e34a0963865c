package io.voltstream.energy.dispatch;

import io.voltstream.energy.battery.PowerRange;
import java.util.List;

/**
 * Time-of-use arbitrage from the tariff (OpenEMS "time-of-use tariff" controller), by the price
 * bands of the local day: in the day's <b>cheapest</b> band charge from the grid with {@code
 * chargePowerW} up to {@code chargeUpToSocPercent}; in the <b>most expensive</b> band discharge to
 * cover the net load; in between, and when the day has one price, <b>hold</b> the charge (no
 * discharge) while lower strategies may still store PV surplus.
 *
 * @param chargePowerW grid charging power in the cheap band [W]
 * @param chargeUpToSocPercent stop grid charging at this SoC [%]
 */
public record TimeOfUse(double chargePowerW, double chargeUpToSocPercent)
    implements DispatchStrategy {
  public static final String NAME = "time_of_use";
  private static final double SAME_PRICE_EUR = 1e-9;

  public TimeOfUse {
    if (!(chargePowerW >= 0) || !(chargeUpToSocPercent >= 0 && chargeUpToSocPercent <= 100)) {
      throw new IllegalArgumentException("chargePowerW ≥ 0 and chargeUpToSocPercent in [0, 100]");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome apply(DispatchContext ctx, PowerRange allowed) {
    double price = ctx.tariff().importPriceEurPerKwh(ctx.at());
    List<Double> day = ctx.tariff().importPricesOfDay(ctx.at());
    double cheapest = day.stream().mapToDouble(Double::doubleValue).min().orElse(price);
    double dearest = day.stream().mapToDouble(Double::doubleValue).max().orElse(price);
    boolean banded = dearest - cheapest > SAME_PRICE_EUR;
    if (banded && price <= cheapest + SAME_PRICE_EUR) {
      if (ctx.socPercent() < chargeUpToSocPercent) {
        return Outcome.setpoint(
            -chargePowerW,
            String.format("cheapest band (%.3f EUR/kWh): charging from the grid", price));
      }
      return new Outcome(
          allowed.atMost(0.0),
          String.format(
              "cheapest band (%.3f EUR/kWh), charged to %.1f %%: holding",
              price, ctx.socPercent()));
    }
    if (banded && price >= dearest - SAME_PRICE_EUR && ctx.netLoadW() > 0) {
      return Outcome.setpoint(
          ctx.netLoadW(),
          String.format(
              "dearest band (%.3f EUR/kWh): covering net load %.0f W", price, ctx.netLoadW()));
    }
    return new Outcome(
        allowed.atMost(0.0),
        String.format(
            "%.3f EUR/kWh is below the day's peak %.3f: holding the charge", price, dearest));
  }
}
