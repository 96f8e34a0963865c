package io.voltstream.energy.tariff;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Documented default tariff for a building without one of its own (see energy/README.md): a
 * three-rate Belgian residential time-of-use tariff at 2025/26 price levels.
 *
 * <ul>
 *   <li>Import, weekdays: night 23:00–07:00 0.22, day 07:00–17:00 and 21:00–23:00 0.31, evening
 *       peak 17:00–21:00 0.42 EUR/kWh; weekends: night 0.22, day 0.28, evening 0.34 EUR/kWh
 *       (all-in: energy, network, levies and VAT).
 *   <li>Feed-in 0.04 EUR/kWh (typical Belgian injection price).
 *   <li>Demand charge 4.50 EUR per kW of the month's highest 15-minute average import (the Flemish
 *       "capaciteitstarief", about 54 EUR/kW/year; its 2.5 kW minimum is not modelled).
 *   <li>Grid carbon intensity: 170 g/kWh at night, 110 g/kWh around midday (solar), 190 g/kWh in
 *       the evening peak, 150 g/kWh otherwise (Belgian averages, rounded).
 * </ul>
 */
public final class Tariffs {
  public static final String DEFAULT_NAME = "be-tou-default";
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Brussels");

  private Tariffs() {}

  public static Tariff defaultTariff() {
    return defaultTariff(DEFAULT_ZONE);
  }

  public static Tariff defaultTariff(ZoneId zone) {
    return new Tariff(
        DEFAULT_NAME,
        zone,
        byHour(0.22, 0.31, 0.42),
        byHour(0.22, 0.28, 0.34),
        0.04,
        4.50,
        carbon());
  }

  private static List<Double> byHour(double night, double day, double evening) {
    List<Double> prices = new ArrayList<>(24);
    for (int h = 0; h < 24; h++) {
      prices.add(h < 7 || h >= 23 ? night : h >= 17 && h < 21 ? evening : day);
    }
    return prices;
  }

  private static List<Double> carbon() {
    List<Double> g = new ArrayList<>(24);
    for (int h = 0; h < 24; h++) {
      g.add(
          h < 7 || h >= 23 ? 170.0 : h >= 11 && h < 16 ? 110.0 : h >= 17 && h < 21 ? 190.0 : 150.0);
    }
    return g;
  }
}
