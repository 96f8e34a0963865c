package io.voltstream.energy.finance;

import io.voltstream.energy.tariff.Tariff;
import java.time.Instant;

/**
 * The grid's prices and carbon intensity for one 15-minute slot (or a shorter window inside it):
 * the tariff's values at the slot start. Tariffs change by local hour and every zone's offset is a
 * whole number of quarter hours, so the values hold for the whole slot.
 *
 * @param importEurPerKwh import price [€/kWh]
 * @param exportEurPerKwh feed-in price [€/kWh]
 * @param carbonGramsPerKwh grid carbon intensity [gCO2/kWh]
 */
public record GridPrices(double importEurPerKwh, double exportEurPerKwh, double carbonGramsPerKwh) {

  /** The tariff's prices and intensity at {@code at}. */
  public static GridPrices of(Tariff tariff, Instant at) {
    return new GridPrices(
        tariff.importPriceEurPerKwh(at), tariff.exportEurPerKwh(), tariff.carbonGramsPerKwh(at));
  }

  /**
   * The one rule for pricing a net energy against the grid [€]: a net consumption ({@code netKwh >
   * 0}) is bought at the import price, a net export ({@code < 0}) is sold at the feed-in price
   * (negative cost = revenue). Settlement deviations, the grid-only cost, building and room rows
   * and the room data's {@code cost} all price through this.
   */
  public double costEur(double netKwh) {
    return netKwh > 0 ? netKwh * importEurPerKwh : netKwh * exportEurPerKwh;
  }

  /** CO2 of {@code kwh} taken from the grid [kg]. */
  public double co2Kg(double kwh) {
    return kwh * carbonGramsPerKwh / 1000.0;
  }
}
