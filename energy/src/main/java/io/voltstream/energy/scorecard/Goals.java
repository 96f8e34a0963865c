package io.voltstream.energy.scorecard;

import java.util.Map;

/**
 * Issue 8's goals, evaluated on one scenario's rows: {@code planned} (or {@code stacked}) costs at
 * least 10 % less than plain peak shaving <i>and</i> cuts the peak import by at least 25 % against
 * no battery; {@code planned} captures at least 80 % of the savings {@code perfect_foresight}
 * achieves over {@code none}; no strategy has SoC violations.
 *
 * @param plannedCostCutVsPeakShavingPct (peak_shaving − planned) ÷ peak_shaving cost [%]
 * @param stackedCostCutVsPeakShavingPct the same for stacked [%]
 * @param plannedPeakCutVsNonePct (none − planned) ÷ none peak import [%]
 * @param stackedPeakCutVsNonePct the same for stacked [%]
 * @param plannedCapturePct (none − planned) ÷ (none − perfect_foresight) cost [%]
 * @param socViolations sum over all strategies
 */
public record Goals(
    double plannedCostCutVsPeakShavingPct,
    double stackedCostCutVsPeakShavingPct,
    double plannedPeakCutVsNonePct,
    double stackedPeakCutVsNonePct,
    double plannedCapturePct,
    int socViolations,
    boolean costAndPeakMet,
    boolean captureMet,
    boolean violationsMet) {

  public static final double COST_CUT_PCT = 10.0;
  public static final double PEAK_CUT_PCT = 25.0;
  public static final double CAPTURE_PCT = 80.0;

  public static Goals of(Map<String, StrategyScore> rows) {
    StrategyScore none = rows.get(Scorecard.NONE);
    StrategyScore ps = rows.get(Scorecard.PEAK_SHAVING);
    StrategyScore planned = rows.get(Scorecard.PLANNED);
    StrategyScore stacked = rows.get(Scorecard.STACKED);
    StrategyScore perfect = rows.get(Scorecard.PERFECT_FORESIGHT);
    double plannedCost = cut(ps.costEur(), planned.costEur());
    double stackedCost = cut(ps.costEur(), stacked.costEur());
    double plannedPeak = cut(none.peakImportKw(), planned.peakImportKw());
    double stackedPeak = cut(none.peakImportKw(), stacked.peakImportKw());
    double capture =
        100.0 * (none.costEur() - planned.costEur()) / (none.costEur() - perfect.costEur());
    int violations = rows.values().stream().mapToInt(StrategyScore::socViolations).sum();
    boolean costAndPeak =
        plannedCost >= COST_CUT_PCT && plannedPeak >= PEAK_CUT_PCT
            || stackedCost >= COST_CUT_PCT && stackedPeak >= PEAK_CUT_PCT;
    return new Goals(
        plannedCost,
        stackedCost,
        plannedPeak,
        stackedPeak,
        capture,
        violations,
        costAndPeak,
        capture >= CAPTURE_PCT,
        violations == 0);
  }

  private static double cut(double reference, double value) {
    return 100.0 * (reference - value) / reference;
  }
}
