package io.voltstream.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.voltstream.energy.scorecard.Goals;
import io.voltstream.energy.scorecard.ReplayScenario;
import io.voltstream.energy.scorecard.Scorecard;
import io.voltstream.energy.scorecard.StrategyScore;
import io.voltstream.model.Json;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Formats scorecard results: a fixed-width table per scenario, and the JSON object whose top-level
 * {@code strategies} is the primary (first) scenario's rows, with every scenario under {@code
 * scenarios}.
 */
final class ScorecardReport {
  private ScorecardReport() {}

  static void printTable(PrintStream out, ReplayScenario scenario, Scorecard.Result r) {
    out.printf(
        "%nScenario %s: %s .. %s, %d batter%s (%.1f kWh), tariff %s, peak-shaving threshold %.2f"
            + " kW%n",
        scenario.name(),
        scenario.scoredFrom(),
        scenario.scoredUntil(),
        scenario.batteries().size(),
        scenario.batteries().size() == 1 ? "y" : "ies",
        scenario.fleet().capacityKwh(),
        scenario.tariff().name(),
        r.peakShavingThresholdW() / 1000.0);
    out.printf(
        "%-18s %14s %12s %10s %10s %8s%n",
        "strategy", "peak_import_kw", "self_cons_%", "cost_eur", "soc_viol", "cycles");
    r.strategies()
        .forEach(
            (name, s) ->
                out.printf(
                    "%-18s %14.2f %12.1f %10.2f %10d %8.2f%n",
                    name,
                    s.peakImportKw(),
                    s.selfConsumptionPct(),
                    s.costEur(),
                    s.socViolations(),
                    s.cycles()));
    Goals g = r.goals();
    out.printf(
        "goals: cost vs peak shaving planned %.1f %% / stacked %.1f %% (≥ 10), peak vs none planned"
            + " %.1f %% / stacked %.1f %% (≥ 25) → %s; capture %.1f %% (≥ 80) → %s; SoC violations"
            + " %d → %s; re-plan %d ms%n",
        g.plannedCostCutVsPeakShavingPct(),
        g.stackedCostCutVsPeakShavingPct(),
        g.plannedPeakCutVsNonePct(),
        g.stackedPeakCutVsNonePct(),
        met(g.costAndPeakMet()),
        g.plannedCapturePct(),
        met(g.captureMet()),
        g.socViolations(),
        met(g.violationsMet()),
        r.meanReplanTime().toMillis());
  }

  static String json(List<Scorecard.Result> results) throws JsonProcessingException {
    Map<String, Object> scenarios = new LinkedHashMap<>();
    for (Scorecard.Result r : results) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("strategies", rows(r));
      one.put("goals", Json.MAPPER.convertValue(r.goals(), Map.class));
      one.put("peak_shaving_threshold_kw", round(r.peakShavingThresholdW() / 1000.0));
      one.put("mean_replan_ms", r.meanReplanTime().toMillis());
      scenarios.put(r.scenario(), one);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("primary_scenario", results.get(0).scenario());
    root.put("strategies", rows(results.get(0)));
    root.put("scenarios", scenarios);
    return Json.MAPPER.writeValueAsString(root);
  }

  private static Map<String, Object> rows(Scorecard.Result r) {
    Map<String, Object> rows = new LinkedHashMap<>();
    r.strategies().forEach((name, s) -> rows.put(name, row(s)));
    return rows;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> row(StrategyScore s) {
    Map<String, Object> row = Json.MAPPER.convertValue(s, LinkedHashMap.class);
    row.replaceAll((k, v) -> v instanceof Double d ? round(d) : v);
    return row;
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }

  private static String met(boolean ok) {
    return ok ? "met" : "NOT met";
  }
}
