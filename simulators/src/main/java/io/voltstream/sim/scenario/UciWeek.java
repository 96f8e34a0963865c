package io.voltstream.sim.scenario;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.scorecard.ReplayScenario;
import io.voltstream.energy.scorecard.ReplaySeries;
import io.voltstream.energy.tariff.Tariffs;
import io.voltstream.sim.device.climate.OutdoorWeather;
import io.voltstream.sim.device.pv.PvModel;
import io.voltstream.sim.replay.UciCsvReader;
import io.voltstream.sim.replay.UciHouse;
import io.voltstream.sim.replay.UciRow;
import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The UCI house (real 10-minute appliance + light energy, Stambruges, Belgium, spring 2016) as a
 * scorecard scenario: each row's energy held as constant power over its ten 1-minute steps, PV from
 * the simulator's solar model for the house's location with a 4 kWp array (about its yearly use)
 * under the seeded weather, one 7.5 kWh / 3.5 kW battery (sized to its ~10 kWh/day
 * evening-and-night load) and the default tariff. The CSV's wall clock is read as Europe/Brussels
 * time.
 */
public final class UciWeek {
  public static final String NAME = "uci_house";
  public static final Duration STEP = Duration.ofMinutes(1);
  public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");
  public static final double LATITUDE_DEG = 50.52;
  public static final double LONGITUDE_DEG = 3.73;
  public static final double PV_PEAK_POWER_W = 4000.0;

  /** A Monday in the file, with 14 days of history before it. */
  public static final LocalDate DEFAULT_FIRST_SCORED_DAY = LocalDate.of(2016, 4, 11);

  private UciWeek() {}

  public static BatterySpec battery() {
    return new BatterySpec("uci-battery", UciHouse.BUILDING_ID, 7.5, 3500, 3500, 0.90, 5, 95, 10);
  }

  public static ReplayScenario scenario(
      Reader csv, long seed, LocalDate firstScoredDay, int warmupDays, int scoredDays) {
    Instant scoredFrom = firstScoredDay.atStartOfDay(ZONE).toInstant();
    Instant start = scoredFrom.minus(Duration.ofDays(warmupDays));
    Instant until = scoredFrom.plus(Duration.ofDays(scoredDays));
    int n = (int) (Duration.between(start, until).toNanos() / STEP.toNanos());
    double[] consumption = new double[n];
    Arrays.fill(consumption, Double.NaN);
    int perRow = (int) (UciHouse.ROW_INTERVAL.toNanos() / STEP.toNanos());
    try (UciCsvReader rows = UciCsvReader.open(csv)) {
      while (rows.hasNext()) {
        UciRow row = rows.next();
        int first =
            (int)
                (Duration.between(start, row.start().atZone(ZONE).toInstant()).toNanos()
                    / STEP.toNanos());
        double powerW = row.houseEnergyWh() * 3600.0 / UciHouse.ROW_INTERVAL.toSeconds();
        for (int k = 0; k < perRow; k++) {
          if (first + k >= 0 && first + k < n) {
            consumption[first + k] = powerW;
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(consumption[i])) {
        // The DST hour and any gap: hold the previous value (the file itself has no gaps).
        if (i == 0) {
          throw new IllegalArgumentException("the UCI CSV does not cover " + start);
        }
        consumption[i] = consumption[i - 1];
      }
    }
    PvModel pv =
        new PvModel(PV_PEAK_POWER_W, LATITUDE_DEG, LONGITUDE_DEG, new OutdoorWeather(seed, ZONE));
    double[] generation = new double[n];
    for (int i = 0; i < n; i++) {
      Instant from = start.plus(STEP.multipliedBy(i));
      generation[i] = pv.averagePowerW(from, from.plus(STEP));
    }
    return new ReplayScenario(
        NAME,
        new ReplaySeries(start, STEP, consumption, generation),
        scoredFrom,
        until,
        List.of(battery()),
        50.0,
        Tariffs.defaultTariff(ZONE));
  }
}
