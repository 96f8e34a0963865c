package io.voltstream.launcher.dr;

import io.voltstream.energy.dr.baseline.LoadHistory;
import io.voltstream.energy.scorecard.ReplaySeries;
import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.replay.UciCsvReader;
import io.voltstream.sim.replay.UciHouse;
import io.voltstream.sim.replay.UciRow;
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
   * The demo building's consumption (all rooms' {@code LoadProfile}, before PV and batteries) from
   * the simulators' offline scenario, {@code days} local days from {@code firstDay} (the scenario
   * counts 24-hour days, so across a DST change it runs an hour into the next day: cut there).
   */
  static PlaceboDataset demo(long seed, LocalDate firstDay, int days) {
    ReplaySeries series = DemoWeek.scenario(seed, firstDay, 0, days).series();
    SortedMap<Instant, Double> kw = new TreeMap<>();
    for (int i = 0; i < series.size(); i++) {
      kw.put(series.timeAt(i), series.consumptionW(i) / 1000.0);
    }
    return new PlaceboDataset(
        DemoWeek.NAME,
        "simulated demo building, rooms' consumption, seed " + seed,
        DemoBuilding.ZONE,
        LoadHistory.of(series.step(), kw)
            .before(firstDay.plusDays(days).atStartOfDay(DemoBuilding.ZONE).toInstant())
            .resampled(INTERVAL));
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
