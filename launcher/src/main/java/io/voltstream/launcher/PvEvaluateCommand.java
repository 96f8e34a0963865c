package io.voltstream.launcher;

import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.evaluation.EvaluationReport;
import io.voltstream.forecast.evaluation.Metrics;
import io.voltstream.forecast.evaluation.WalkForwardEvaluator;
import io.voltstream.forecast.pv.ClearSkyPv;
import io.voltstream.forecast.pv.ClearSkyPvForecaster;
import io.voltstream.forecast.pv.PvSite;
import io.voltstream.forecast.pv.registry.RegistryGenerationModels;
import io.voltstream.model.Building;
import io.voltstream.sim.building.BuildingLayout;
import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.registry.RegistryRecord;
import io.voltstream.sim.registry.RegistryRecords;
import io.voltstream.sim.scenario.CommunityMember;
import io.voltstream.sim.scenario.DemoCommunity;
import io.voltstream.sim.scenario.SimulatedPv;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Evaluates the clear-sky PV forecaster ({@code io.voltstream.forecast.pv}) against the demo
 * community's simulated PV (with the simulator's seeded weather) with the consumption forecasts'
 * day-ahead walk-forward evaluation and metrics: every building's PV system is taken from its
 * registry record, as the live service does, and every forecaster is scored on the same hours.
 */
@Command(
    name = "pv-evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate the clear-sky PV forecaster against the demo community's simulated PV"
            + " (day-ahead from each midnight UTC: NRMSE, MAE, skill vs the persistence ensemble).")
final class PvEvaluateCommand implements Callable<Integer> {
  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Simulator seed (weather); the demo's is ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--from",
      defaultValue = "2026-01-01",
      description = "First day of the simulated history (default ${DEFAULT-VALUE}).")
  LocalDate from;

  @Option(
      names = "--days",
      defaultValue = "365",
      description = "Days simulated; the first 28 are history only (default ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--index-days",
      split = ",",
      defaultValue = "28",
      description = "Clear-sky index windows to compare, in days (default ${DEFAULT-VALUE}).")
  List<Integer> indexDays;

  static final int WARMUP_DAYS = 28;

  @Override
  public Integer call() {
    run(System.out);
    return 0;
  }

  void run(PrintStream out) {
    if (days <= WARMUP_DAYS || indexDays.stream().anyMatch(d -> d < 1 || d > WARMUP_DAYS)) {
      throw new IllegalArgumentException(
          "--days must exceed " + WARMUP_DAYS + " and --index-days be 1.." + WARMUP_DAYS);
    }
    Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant testFrom = start.plus(Duration.ofDays(WARMUP_DAYS));
    Instant testTo = start.plus(Duration.ofDays(days));
    out.printf(
        Locale.ROOT,
        "PV day-ahead evaluation, seed %d, scored %s..%s (history from %s)%n",
        seed,
        testFrom,
        testTo,
        start);
    out.println("| building (PV) | forecaster | NRMSE % | MAE (kWh) | RMSE (kWh) | skill |");
    out.println("|---|---|---:|---:|---:|---:|");
    for (CommunityMember member : DemoCommunity.members(DemoBuilding.layout(6, 1))) {
      BuildingLayout layout = member.layout();
      PvSite site = registeredSite(member);
      HourlySeries series =
          HourlySeries.of(start, SimulatedPv.hourlyKwh(layout, seed, start, days * 24));
      List<Forecaster> forecasters = new ArrayList<>();
      for (int d : indexDays) {
        forecasters.add(variant(site, d, true));
        forecasters.add(variant(site, d, false));
      }
      forecasters.addAll(Baselines.all());
      EvaluationReport report =
          WalkForwardEvaluator.evaluate(series, testFrom, testTo, 24, forecasters, n -> {});
      String label =
          String.format(
              Locale.ROOT,
              "%s (%.0f kWp, %.0f° tilt, az %.0f°)",
              layout.buildingId(),
              site.capacityKwp(),
              site.tiltDeg(),
              site.azimuthDeg());
      report
          .metrics()
          .forEach((id, m) -> out.printf(Locale.ROOT, "| %s | %s |%s%n", label, id, cells(m)));
    }
  }

  /** The member's PV site as its registry record states it (what the live service reads). */
  private static PvSite registeredSite(CommunityMember member) {
    for (RegistryRecord r : RegistryRecords.of(member.layout(), member.tariff(), member.market())) {
      if (r.value() instanceof Building b) {
        return RegistryGenerationModels.site(b).orElseThrow();
      }
    }
    throw new IllegalStateException("no building record for " + member.buildingId());
  }

  /**
   * The forecaster with an index window of {@code indexDays}, with or without the per-hour index.
   * From midnight no hour of the day has been seen, so the intraday update plays no part in this
   * day-ahead evaluation.
   */
  private static Forecaster variant(PvSite site, int indexDays, boolean hourProfile) {
    var f = new ClearSkyPvForecaster(new ClearSkyPv(site), Duration.ofDays(indexDays), hourProfile);
    String id =
        ClearSkyPvForecaster.MODEL_ID
            + " (index "
            + indexDays
            + " d"
            + (hourProfile ? ", per hour)" : ", one index)");
    return Forecaster.named(id, f);
  }

  private static String cells(Metrics m) {
    return String.format(
        Locale.ROOT, " %.2f | %.3f | %.3f | %+.3f |", m.nrmse(), m.mae(), m.rmse(), m.skill());
  }
}
