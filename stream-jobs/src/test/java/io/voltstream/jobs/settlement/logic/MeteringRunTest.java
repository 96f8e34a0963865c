package io.voltstream.jobs.settlement.logic;

import static io.voltstream.jobs.settlement.logic.MeteringTest.EPS;
import static io.voltstream.jobs.settlement.logic.MeteringTest.STALE;
import static io.voltstream.jobs.settlement.logic.MeteringTest.T;
import static io.voltstream.jobs.settlement.logic.MeteringTest.meter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.finance.MeteredEnergy;
import io.voltstream.jobs.dispatch.logic.BatteryReading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MeteringRunTest {
  @Test
  void shouldCutAtTheSlotBoundaryAndWhereAMeterGoesStale() {
    // 2 kW in the kitchen read at 11:14; it holds until 11:16 across the 11:15 boundary.
    MeteringRun run =
        new MeteringRun(
            T.plusSeconds(240),
            STALE,
            Map.of("k", meter("kitchen", 2000, false, T.plusSeconds(240))),
            Map.of());
    run.advanceTo(T.plusSeconds(600));
    Map<String, MeteredEnergy> byKey = byKey(run.finish());
    assertThat(byKey)
        .containsOnlyKeys(
            "2026-01-14T11:00:00Z/null",
            "2026-01-14T11:00:00Z/kitchen",
            "2026-01-14T11:15:00Z/null",
            "2026-01-14T11:15:00Z/kitchen");
    assertThat(byKey.get("2026-01-14T11:00:00Z/kitchen").consumptionKwh())
        .isCloseTo(2.0 / 60, within(EPS));
    assertThat(byKey.get("2026-01-14T11:15:00Z/null").importKwh()).isCloseTo(2.0 / 60, within(EPS));
    assertThat(byKey.get("2026-01-14T11:15:00Z/null").meteredSeconds()).isEqualTo(60.0);
  }

  @Test
  void shouldSeparateImportAndExportWhenAMeterChanges() {
    // 1 kW load, PV 3 kW from 11:10, load rises to 5 kW at 11:11: export 2 kW for 1 min, then
    // import.
    MeteringRun run =
        new MeteringRun(
            T,
            STALE,
            Map.of("load", meter("hall", 1000, false, T), "pv", meter("roof", 3000, true, T)),
            Map.of());
    run.advanceTo(T.plusSeconds(60));
    run.meter("load", meter("hall", 5000, false, T.plusSeconds(60)));
    run.advanceTo(T.plusSeconds(120));
    MeteredEnergy building = byKey(run.finish()).get("2026-01-14T11:00:00Z/null");
    assertThat(building.exportKwh()).isCloseTo(2.0 / 60, within(EPS));
    assertThat(building.importKwh()).isCloseTo(2.0 / 60, within(EPS));
    assertThat(building.consumptionKwh()).isCloseTo(6.0 / 60, within(EPS));
  }

  @Test
  void shouldCountABatteryUntilItIsStaleAndRecoverFromANonFinitePower() {
    MeteringRun run =
        new MeteringRun(
            T,
            STALE,
            Map.of(),
            Map.of("b1", new BatteryReading(0, Double.NaN, T.minusSeconds(60))));
    run.advanceTo(T.plusSeconds(30));
    run.battery("b2", new BatteryReading(0, 600, T.plusSeconds(30)));
    run.advanceTo(T.plusSeconds(120)); // b1 stale at 11:11: from then on b2's 600 W alone
    MeteredEnergy building = byKey(run.finish()).get("2026-01-14T11:00:00Z/null");
    assertThat(building.batteryChargeKwh()).isNaN(); // as Metering: NaN while b1 counted
    MeteringRun later =
        new MeteringRun(
            T.plusSeconds(60),
            STALE,
            Map.of(),
            Map.of(
                "b1", new BatteryReading(0, Double.NaN, T.minusSeconds(60)),
                "b2", new BatteryReading(0, 600, T.plusSeconds(30))));
    later.advanceTo(T.plusSeconds(120));
    assertThat(byKey(later.finish()).get("2026-01-14T11:00:00Z/null").batteryChargeKwh())
        .isCloseTo(0.6 / 60, within(EPS));
  }

  /**
   * Many meters in a few rooms, batteries, random sample times (some after a gap longer than
   * staleAfter), NaN powers, meters moving rooms, samples behind the integration point, flushes
   * crossing slot boundaries: the run's energies equal {@link Metering#integrate} called per sample
   * interval, as the settlement function used to.
   */
  @Test
  void shouldEqualMeteringIntegrateOverRandomFlushes() {
    for (long seed = 1; seed <= 40; seed++) {
      Random rnd = new Random(seed);
      Duration stale = Duration.ofSeconds(30 + rnd.nextInt(300));
      int meterCount = 1 + rnd.nextInt(seed % 4 == 0 ? 400 : 40);
      int roomCount = 1 + rnd.nextInt(8);
      Map<String, MeterSensor> meters = new HashMap<>();
      Map<String, BatteryReading> batteries = new HashMap<>();
      Map<String, MeteredEnergy> expected = new TreeMap<>();
      Map<String, MeteredEnergy> actual = new TreeMap<>();
      Instant cursor = T.plusMillis(rnd.nextInt(600_000));
      for (int flush = 0; flush < 12; flush++) {
        Instant until = cursor.plusSeconds(1 + rnd.nextInt(900));
        // Samples behind the integration point: they update the latest values only.
        for (int late = rnd.nextInt(3); late > 0; late--) {
          Instant at = cursor.minusMillis(1 + rnd.nextInt(400_000));
          change(rnd, meters, batteries, meterCount, roomCount, at);
        }
        MeteringRun run = new MeteringRun(cursor, stale, meters, batteries);
        List<Instant> times = new ArrayList<>();
        for (int n = rnd.nextInt(3 * meterCount + 5); n > 0; n--) {
          times.add(cursor.plusMillis(rnd.nextLong(Duration.between(cursor, until).toMillis())));
        }
        times.sort(null);
        for (Instant at : times) {
          if (at.isAfter(cursor)) {
            addAll(
                expected,
                Metering.integrate(cursor, at, meters.values(), batteries.values(), stale));
            cursor = at;
          }
          run.advanceTo(at);
          String changed = change(rnd, meters, batteries, meterCount, roomCount, at);
          if (meters.containsKey(changed)) {
            run.meter(changed, meters.get(changed));
          } else if (batteries.containsKey(changed)) {
            run.battery(changed, batteries.get(changed));
          }
        }
        addAll(
            expected,
            Metering.integrate(cursor, until, meters.values(), batteries.values(), stale));
        run.advanceTo(until);
        addAll(actual, run.finish());
        cursor = until;
        Instant staleBefore = until.minus(stale);
        meters.values().removeIf(m -> !m.power().at().isAfter(staleBefore));
        batteries.values().removeIf(b -> !b.at().isAfter(staleBefore));
      }
      assertThat(actual).as("seed %d", seed).containsOnlyKeys(expected.keySet());
      for (var e : expected.entrySet()) {
        assertClose("seed " + seed + " " + e.getKey(), actual.get(e.getKey()), e.getValue());
      }
    }
  }

  /** Changes one random meter (sometimes NaN, sometimes another room) or battery at {@code at}. */
  private static String change(
      Random rnd,
      Map<String, MeterSensor> meters,
      Map<String, BatteryReading> batteries,
      int meterCount,
      int roomCount,
      Instant at) {
    if (rnd.nextInt(10) == 0) {
      String id = "b" + rnd.nextInt(3);
      BatteryReading before = batteries.get(id);
      if (before == null || at.isAfter(before.at())) {
        batteries.put(id, new BatteryReading(0, rnd.nextInt(6000) - 3000, at));
      }
      return id;
    }
    String id = "m" + rnd.nextInt(meterCount);
    MeterSensor before = meters.get(id);
    if (before == null || at.isAfter(before.power().at())) {
      double w = rnd.nextInt(20) == 0 ? Double.NaN : rnd.nextDouble() * 5000;
      boolean pv = Math.floorMod(id.hashCode(), 4) == 0;
      String room = "r" + rnd.nextInt(rnd.nextInt(15) == 0 ? roomCount + 1 : roomCount);
      meters.put(id, meter(room, w, pv, at));
    }
    return id;
  }

  private static void addAll(Map<String, MeteredEnergy> into, List<Metering.Increment> incs) {
    for (Metering.Increment i : incs) {
      into.merge(i.slot() + "/" + i.room(), i.energy(), MeteredEnergy::plus);
    }
  }

  private static Map<String, MeteredEnergy> byKey(List<Metering.Increment> incs) {
    Map<String, MeteredEnergy> map = new TreeMap<>();
    addAll(map, incs);
    return map;
  }

  /** Equal within 1e-9 relative to the record's largest figure (import can be ≈ 0 beside 5 kWh). */
  private static void assertClose(String what, MeteredEnergy actual, MeteredEnergy expected) {
    double[] a = figures(actual);
    double[] e = figures(expected);
    double scale = 1;
    for (double v : e) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < e.length; i++) {
      assertThat(a[i]).as("%s field %d", what, i).isCloseTo(e[i], within(1e-9 * scale));
    }
  }

  private static double[] figures(MeteredEnergy m) {
    return new double[] {
      m.consumptionKwh(),
      m.generationKwh(),
      m.importKwh(),
      m.exportKwh(),
      m.batteryChargeKwh(),
      m.batteryDischargeKwh(),
      m.importWithoutBatteryKwh(),
      m.exportWithoutBatteryKwh(),
      m.importWithoutPvKwh(),
      m.meteredSeconds()
    };
  }
}
