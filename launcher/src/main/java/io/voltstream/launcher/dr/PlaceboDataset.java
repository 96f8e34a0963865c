package io.voltstream.launcher.dr;

import io.voltstream.energy.dr.baseline.LoadHistory;
import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.replay.UciCsvReader;
import io.voltstream.sim.replay.UciHouse;
import io.voltstream.sim.replay.UciRow;
import io.voltstream.sim.scenario.DemoBuildingLoad;
import io.voltstream.sim.scenario.DemoWeek;
import io.voltstream.sim.scenario.UciWeek;
import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A building's load history for the placebo test, on the baselines' 15-minute grid.
 *
 * @param name dataset key in the report ({@code demo}, {@code uci_house})
 * @param source what the load is, for the report
 */
record PlaceboDataset(String name, String source, ZoneId zone, LoadHistory history) {
  /** Baselines run on 15-minute load (the demand-charge interval and the planner's slot). */
  static final Duration INTERVAL = Duration.ofMinutes(15);

  /**
   * The demo building's consumption — rooms and demo devices under their default behaviour, before
   * PV and batteries ({@link DemoBuildingLoad}) — on a 1-minute grid for {@code days} local days
   * from {@code firstDay}, resampled to 15 minutes.
   */
  static PlaceboDataset demo(long seed, LocalDate firstDay, int days) {
    Instant start = firstDay.atStartOfDay(DemoBuilding.ZONE).toInstant();
    Instant end = firstDay.plusDays(days).atStartOfDay(DemoBuilding.ZONE).toInstant();
    Duration step = Duration.ofMinutes(1);
    int steps = (int) Duration.between(start, end).toMinutes();
    double[] consumptionW = DemoBuildingLoad.consumptionW(seed, start, step, steps);
    SortedMap<Instant, Double> kw = new TreeMap<>();
    for (int i = 0; i < steps; i++) {
      kw.put(start.plus(step.multipliedBy(i)), consumptionW[i] / 1000.0);
    }
    return new PlaceboDataset(
        DemoWeek.NAME,
        "simulated demo building, rooms + devices' consumption, seed " + seed,
        DemoBuilding.ZONE,
        LoadHistory.of(step, kw).resampled(INTERVAL));
  }

  /**
   * The UCI house's appliances + lights energy per 10-minute row as mean kW, local wall clock read
   * as Europe/Brussels (the spring-forward hour's rows collapse onto the next hour's instants and
   * are overwritten by them), resampled to 15 minutes.
   */
  static PlaceboDataset uci(Reader csv) {
    SortedMap<Instant, Double> kw = new TreeMap<>();
    double hours = UciHouse.ROW_INTERVAL.toSeconds() / 3600.0;
    try (UciCsvReader rows = UciCsvReader.open(csv)) {
      while (rows.hasNext()) {
        UciRow row = rows.next();
        kw.put(row.start().atZone(UciWeek.ZONE).toInstant(), row.houseEnergyWh() / 1000.0 / hours);
      }
    }
    return new PlaceboDataset(
        UciWeek.NAME,
        "UCI appliances-energy house, appliances + lights",
        UciWeek.ZONE,
        LoadHistory.of(UciHouse.ROW_INTERVAL, kw).resampled(INTERVAL));
  }

  LocalDate firstDay() {
    return history.meanKwByStart().firstKey().atZone(zone).toLocalDate();
  }

  LocalDate lastDay() {
    return history.meanKwByStart().lastKey().atZone(zone).toLocalDate();
  }
}
