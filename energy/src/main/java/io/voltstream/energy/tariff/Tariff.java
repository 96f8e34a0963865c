package io.voltstream.energy.tariff;

import static io.voltstream.energy.EnergyValidationException.requireFinite;
import static io.voltstream.energy.EnergyValidationException.requireInRange;
import static io.voltstream.energy.EnergyValidationException.requireText;

import io.voltstream.energy.EnergyValidationException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A building's electricity tariff as the registry stores it: a time-of-use import price by local
 * hour (weekday and weekend schedules), a flat feed-in price, a demand charge on the billing
 * month's highest 15-minute average import, and the grid's carbon intensity by hour.
 *
 * @param name label, e.g. {@code be-tou-2026}
 * @param zone the zone whose wall clock the schedules follow
 * @param weekdayImportEurPerKwh 24 prices, index = local hour, Monday–Friday [EUR/kWh]
 * @param weekendImportEurPerKwh 24 prices for Saturday and Sunday [EUR/kWh]
 * @param exportEurPerKwh feed-in price paid for exported energy [EUR/kWh]
 * @param demandChargeEurPerKwMonth charge per kW of the month's peak 15-minute average import
 * @param carbonGramsPerKwh 24 grid carbon intensities by local hour [gCO2/kWh]
 */
public record Tariff(
    String name,
    ZoneId zone,
    List<Double> weekdayImportEurPerKwh,
    List<Double> weekendImportEurPerKwh,
    double exportEurPerKwh,
    double demandChargeEurPerKwMonth,
    List<Double> carbonGramsPerKwh) {

  public Tariff {
    requireText("name", name);
    if (zone == null) {
      throw new EnergyValidationException("zone", "must be a zone id such as Europe/Brussels");
    }
    weekdayImportEurPerKwh = hourly("weekday_import_eur_per_kwh", weekdayImportEurPerKwh, 0, 10);
    weekendImportEurPerKwh = hourly("weekend_import_eur_per_kwh", weekendImportEurPerKwh, 0, 10);
    requireFinite("export_eur_per_kwh", exportEurPerKwh);
    requireInRange("export_eur_per_kwh", exportEurPerKwh, -10, 10);
    requireInRange("demand_charge_eur_per_kw_month", demandChargeEurPerKwMonth, 0, 1000);
    carbonGramsPerKwh = hourly("carbon_grams_per_kwh", carbonGramsPerKwh, 0, 5000);
  }

  /** Import price at a moment [EUR/kWh]. */
  public double importPriceEurPerKwh(Instant at) {
    ZonedDateTime local = ZonedDateTime.ofInstant(at, zone);
    return schedule(local.getDayOfWeek()).get(local.getHour());
  }

  /** The 24 import prices of the local day containing {@code at} [EUR/kWh]. */
  public List<Double> importPricesOfDay(Instant at) {
    return schedule(ZonedDateTime.ofInstant(at, zone).getDayOfWeek());
  }

  /** Grid carbon intensity at a moment [gCO2/kWh]. */
  public double carbonGramsPerKwh(Instant at) {
    return carbonGramsPerKwh.get(ZonedDateTime.ofInstant(at, zone).getHour());
  }

  private List<Double> schedule(DayOfWeek day) {
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY
        ? weekendImportEurPerKwh
        : weekdayImportEurPerKwh;
  }

  private static List<Double> hourly(String field, List<Double> values, double min, double max) {
    if (values == null || values.size() != 24) {
      throw new EnergyValidationException(
          field, "must have 24 hourly values, had " + (values == null ? "none" : values.size()));
    }
    for (int h = 0; h < 24; h++) {
      Double v = values.get(h);
      if (v == null) {
        throw new EnergyValidationException(field, "hour " + h + " is missing");
      }
      requireInRange(field, v, min, max);
    }
    return List.copyOf(values);
  }

  /** Same tariff with another demand charge (e.g. for a what-if). */
  public Tariff withDemandCharge(double eurPerKwMonth) {
    return new Tariff(
        name,
        zone,
        weekdayImportEurPerKwh,
        weekendImportEurPerKwh,
        exportEurPerKwh,
        eurPerKwMonth,
        carbonGramsPerKwh);
  }
}
