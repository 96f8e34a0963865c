package io.voltstream.energy.finance;

import java.time.Duration;

/**
 * Money and CO2 of one building (or room) in one slot: the fields of InfluxDB {@code
 * building_finance}. Every formula is listed in energy/README.md ("Settlement, money and CO2").
 *
 * @param consumptionKwh gross consumption [kWh]
 * @param generationKwh PV generation [kWh]
 * @param importKwh grid import (sample granularity) [kWh]
 * @param exportKwh grid export [kWh]
 * @param batteryChargeKwh into the batteries [kWh]
 * @param batteryDischargeKwh out of the batteries [kWh]
 * @param selfConsumedKwh generation − export, ≥ 0 [kWh]
 * @param energyCostEur import × import price [€]
 * @param feedInRevenueEur export × feed-in price [€]
 * @param p2pPaidEur paid in the market [€]
 * @param p2pReceivedEur received in the market [€]
 * @param netCostEur what the building pays overall: the settlement's net cost (a room: energy cost
 *     − feed-in revenue) [€]
 * @param p2pSavingsEur grid-only − settled cost [€]
 * @param batterySavingsEur grid cost without the batteries − with them [€]
 * @param drSavingsEur DR incentive earned in the slot [€]
 * @param co2Kg CO2 of the import not covered by P2P purchases [kg]
 * @param co2WithoutP2pKg all import at grid intensity [kg]
 * @param co2WithoutPvKg import without PV (consumption + battery charging) [kg]
 * @param co2WithoutBatteryKg import without the batteries (consumption − generation) [kg]
 * @param meteredShare fraction of the slot covered by meter samples
 */
public record SlotFinance(
    double consumptionKwh,
    double generationKwh,
    double importKwh,
    double exportKwh,
    double batteryChargeKwh,
    double batteryDischargeKwh,
    double selfConsumedKwh,
    double energyCostEur,
    double feedInRevenueEur,
    double p2pPaidEur,
    double p2pReceivedEur,
    double netCostEur,
    double p2pSavingsEur,
    double batterySavingsEur,
    double drSavingsEur,
    double co2Kg,
    double co2WithoutP2pKg,
    double co2WithoutPvKg,
    double co2WithoutBatteryKg,
    double meteredShare) {

  /**
   * A building's slot: its metered energy, its market position, the DR incentive earned in the slot
   * and the slot's grid prices.
   */
  public static SlotFinance building(
      MeteredEnergy e,
      MarketPosition position,
      double drBenefitEur,
      GridPrices prices,
      Duration slot) {
    SlotSettlement s = SlotSettlement.settle(position, e.netKwh(), prices);
    double gridCost = registerCostEur(e.importKwh(), e.exportKwh(), prices);
    double gridCostWithoutBattery =
        registerCostEur(e.importWithoutBatteryKwh(), e.exportWithoutBatteryKwh(), prices);
    // Energy bought in the market and delivered (at most the import) came from a neighbour's PV.
    double gridSourcedKwh = Math.max(0, e.importKwh() - position.boughtKwh());
    return new SlotFinance(
        e.consumptionKwh(),
        e.generationKwh(),
        e.importKwh(),
        e.exportKwh(),
        e.batteryChargeKwh(),
        e.batteryDischargeKwh(),
        e.selfConsumedKwh(),
        prices.costEur(e.importKwh()),
        -prices.costEur(-e.exportKwh()),
        position.paidEur(),
        position.receivedEur(),
        s.netCostEur(),
        s.savingsEur(),
        gridCostWithoutBattery - gridCost,
        drBenefitEur,
        prices.co2Kg(gridSourcedKwh),
        prices.co2Kg(e.importKwh()),
        prices.co2Kg(e.importWithoutPvKwh()),
        prices.co2Kg(e.importWithoutBatteryKwh()),
        e.meteredShare(slot));
  }

  /**
   * A room's slot: its meters' net energy priced per sample interval through {@link
   * GridPrices#costEur} (rooms neither trade nor hold batteries, so the P2P and battery figures are
   * 0 and the CO2 without P2P or batteries equals the CO2).
   */
  public static SlotFinance room(MeteredEnergy e, GridPrices prices, Duration slot) {
    double energyCost = prices.costEur(e.importKwh());
    double feedIn = -prices.costEur(-e.exportKwh());
    double co2 = prices.co2Kg(e.importKwh());
    return new SlotFinance(
        e.consumptionKwh(),
        e.generationKwh(),
        e.importKwh(),
        e.exportKwh(),
        0,
        0,
        e.selfConsumedKwh(),
        energyCost,
        feedIn,
        0,
        0,
        energyCost - feedIn,
        0,
        0,
        0,
        co2,
        co2,
        prices.co2Kg(e.importWithoutPvKwh()),
        co2,
        e.meteredShare(slot));
  }

  /** Import and export registers at the grid prices, each through {@link GridPrices#costEur}. */
  private static double registerCostEur(double importKwh, double exportKwh, GridPrices prices) {
    return prices.costEur(importKwh) + prices.costEur(-exportKwh);
  }
}
