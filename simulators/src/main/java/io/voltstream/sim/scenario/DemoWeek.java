package io.voltstream.sim.scenario;

import io.voltstream.energy.scorecard.ReplayScenario;
import io.voltstream.energy.scorecard.ReplaySeries;
import io.voltstream.energy.tariff.Tariffs;
import io.voltstream.sim.building.BuildingLayout;
import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.device.climate.OutdoorWeather;
import io.voltstream.sim.device.load.LoadProfile;
import io.voltstream.sim.device.pv.PvModel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The demo building as a scorecard scenario: its rooms' load (the simulator's {@link LoadProfile})
 * and its 6 kWp roof ({@link PvModel} under the seeded {@link OutdoorWeather}) on a 1-minute grid,
 * {@code warmupDays} of history and then the scored days, with the demo's two batteries at 50 % and
 * the default tariff. Deterministic for a seed.
 */
public final class DemoWeek {
  public static final String NAME = "demo";
  public static final Duration STEP = Duration.ofMinutes(1);

  /** A spring Monday: PV surplus on most days, heating-free load. */
  public static final LocalDate DEFAULT_FIRST_SCORED_DAY = LocalDate.of(2026, 4, 13);

  private DemoWeek() {}

  public static ReplayScenario scenario(
      long seed, LocalDate firstScoredDay, int warmupDays, int scoredDays) {
    BuildingLayout layout = DemoBuilding.layout(6, 1);
    LoadProfile load = new LoadProfile(seed, layout.zone());
    PvModel pv =
        new PvModel(
            layout.pvPeakPowerW(),
            layout.latitudeDeg(),
            layout.longitudeDeg(),
            new OutdoorWeather(seed, layout.zone()));
    Instant scoredFrom = firstScoredDay.atStartOfDay(layout.zone()).toInstant();
    Instant start = scoredFrom.minus(Duration.ofDays(warmupDays));
    Instant until = scoredFrom.plus(Duration.ofDays(scoredDays));
    int n = (int) (Duration.between(start, until).toNanos() / STEP.toNanos());
    double[] consumption = new double[n];
    double[] generation = new double[n];
    for (int i = 0; i < n; i++) {
      Instant from = start.plus(STEP.multipliedBy(i));
      Instant to = from.plus(STEP);
      consumption[i] = DemoBuildingLoad.roomsW(layout, load, from, to);
      generation[i] = pv.averagePowerW(from, to);
    }
    return new ReplayScenario(
        NAME,
        new ReplaySeries(start, STEP, consumption, generation),
        scoredFrom,
        until,
        DemoBatteries.specs(),
        50.0,
        Tariffs.defaultTariff(layout.zone()));
  }
}
