package io.voltstream.jobs.settlement;

import io.voltstream.energy.finance.SlotFinance;
import io.voltstream.influx.LinePoint;
import io.voltstream.influx.Schema;
import io.voltstream.jobs.settlement.logic.FinanceRow;
import io.voltstream.model.market.Settlement;

/**
 * Measurements {@code settlements} and {@code building_finance}; time = the slot start, so a
 * corrected settlement or row overwrites the earlier point of its slot.
 */
public final class SettlementPoints {
  private SettlementPoints() {}

  public static String settlement(Settlement s) {
    var m = Schema.SETTLEMENTS;
    return LinePoint.of(m)
        .tag(m.market, s.market())
        .tag(m.building, s.building())
        .field(m.boughtKwh, s.boughtKwh())
        .field(m.soldKwh, s.soldKwh())
        .field(m.paidEur, s.paidEur())
        .field(m.receivedEur, s.receivedEur())
        .field(m.meteredNetKwh, s.meteredNetKwh())
        .field(m.deviationKwh, s.deviationKwh())
        .field(m.deviationEur, s.deviationEur())
        .field(m.netCostEur, s.netCostEur())
        .field(m.gridOnlyCostEur, s.gridOnlyCostEur())
        .field(m.savingsEur, s.savingsEur())
        .field(m.meteredShare, s.meteredShare())
        .time(s.slot())
        .toLine();
  }

  /**
   * A building row carries every field; a room row the fields a room has (energies, money of its
   * net energy, CO2 with and without PV): rooms neither trade, hold batteries nor earn DR.
   */
  public static String finance(FinanceRow r) {
    var m = Schema.BUILDING_FINANCE;
    SlotFinance f = r.figures();
    boolean building = r.room() == null;
    LinePoint p =
        LinePoint.of(m)
            .tag(m.building, r.building())
            .tag(m.scope, r.scope())
            .tag(m.room, r.room())
            .field(m.consumptionKwh, f.consumptionKwh())
            .field(m.generationKwh, f.generationKwh())
            .field(m.importKwh, f.importKwh())
            .field(m.exportKwh, f.exportKwh())
            .field(m.selfConsumedKwh, f.selfConsumedKwh())
            .field(m.energyCostEur, f.energyCostEur())
            .field(m.feedInRevenueEur, f.feedInRevenueEur())
            .field(m.netCostEur, f.netCostEur())
            .field(m.co2Kg, f.co2Kg())
            .field(m.co2WithoutPvKg, f.co2WithoutPvKg())
            .field(m.meteredShare, f.meteredShare());
    if (building) {
      p.field(m.batteryChargeKwh, f.batteryChargeKwh())
          .field(m.batteryDischargeKwh, f.batteryDischargeKwh())
          .field(m.p2pPaidEur, f.p2pPaidEur())
          .field(m.p2pReceivedEur, f.p2pReceivedEur())
          .field(m.p2pSavingsEur, f.p2pSavingsEur())
          .field(m.batterySavingsEur, f.batterySavingsEur())
          .field(m.drSavingsEur, f.drSavingsEur())
          .field(m.co2WithoutP2pKg, f.co2WithoutP2pKg())
          .field(m.co2WithoutBatteryKg, f.co2WithoutBatteryKg());
    }
    return p.time(r.slot()).toLine();
  }
}
