package io.voltstream.energy.market.agent;

import io.voltstream.energy.market.MarketSpec;
import java.util.Optional;

/**
 * What a building expects to trade in one slot: its forecast net load after its batteries have done
 * what self-consumption dispatch would do, plus stored energy offered above the sell threshold.
 *
 * <ol>
 *   <li>A deficit (net load &gt; 0) is first covered by the batteries down to their reserve within
 *       their discharge limit over the slot; what is left is bought.
 *   <li>Then, with no deficit left, battery energy above the sell threshold is offered, within what
 *       is left of the discharge limit.
 *   <li>A surplus (net load &lt; 0) first charges the batteries up to their maximum SoC within
 *       their charge limit; what is left is offered. No stored energy is offered while charging.
 * </ol>
 *
 * @param netLoadKwh forecast consumption − generation of the slot [kWh]
 * @param batteryDischargeKwh AC energy the batteries deliver to the building [kWh]
 * @param batteryChargeKwh AC energy the batteries take from the surplus [kWh]
 * @param storedSaleKwh stored energy offered above the sell threshold [kWh]
 * @param tradeKwh energy to trade: &gt; 0 buy, &lt; 0 sell [kWh]
 * @param batteryAfter the batteries at the end of the slot, empty without batteries
 */
public record SlotBalance(
    double netLoadKwh,
    double batteryDischargeKwh,
    double batteryChargeKwh,
    double storedSaleKwh,
    double tradeKwh,
    Optional<BatteryEnergy> batteryAfter) {

  /** The balance of a slot with {@code netLoadKwh} and the batteries (if any) as they start it. */
  public static SlotBalance of(double netLoadKwh, Optional<BatteryEnergy> battery) {
    if (battery.isEmpty()) {
      return new SlotBalance(netLoadKwh, 0, 0, 0, netLoadKwh, Optional.empty());
    }
    BatteryEnergy b = battery.get();
    if (netLoadKwh >= 0) {
      double cover = Math.min(netLoadKwh, b.dischargeableKwh(MarketSpec.SLOT));
      BatteryEnergy afterCover = b.afterDischarge(cover);
      double sale = afterCover.sellableKwh(MarketSpec.SLOT, cover);
      return new SlotBalance(
          netLoadKwh,
          cover,
          0,
          sale,
          netLoadKwh - cover - sale,
          Optional.of(afterCover.afterDischarge(sale)));
    }
    double absorb = Math.min(-netLoadKwh, b.chargeableKwh(MarketSpec.SLOT));
    return new SlotBalance(
        netLoadKwh, 0, absorb, 0, netLoadKwh + absorb, Optional.of(b.afterCharge(absorb)));
  }
}
