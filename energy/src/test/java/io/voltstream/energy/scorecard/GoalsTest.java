package io.voltstream.energy.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoalsTest {
  private static StrategyScore score(double peakKw, double costEur, int violations) {
    return new StrategyScore(peakKw, 50, costEur, violations, 1, costEur, 0, 0, 0, 0, 50);
  }

  private static Map<String, StrategyScore> rows(StrategyScore planned, StrategyScore stacked) {
    Map<String, StrategyScore> rows = new LinkedHashMap<>();
    rows.put(Scorecard.NONE, score(4.0, 30, 0));
    rows.put(Scorecard.PEAK_SHAVING, score(2.0, 20, 0));
    rows.put(Scorecard.STACKED, stacked);
    rows.put(Scorecard.PLANNED, planned);
    rows.put(Scorecard.PERFECT_FORESIGHT, score(2.0, 10, 0));
    return rows;
  }

  @Test
  void plannedMeetingCostPeakAndCapture() {
    Goals g = Goals.of(rows(score(3.0, 13, 0), score(4.0, 25, 0)));
    assertThat(g.plannedCostCutVsPeakShavingPct()).isCloseTo(35, within(1e-9));
    assertThat(g.plannedPeakCutVsNonePct()).isCloseTo(25, within(1e-9));
    assertThat(g.plannedCapturePct()).isCloseTo(85, within(1e-9));
    assertThat(g.costAndPeakMet()).isTrue();
    assertThat(g.captureMet()).isTrue();
    assertThat(g.violationsMet()).isTrue();
  }

  @Test
  void costAndPeakMustBeMetByTheSameStrategy() {
    // planned is cheap but keeps the peak; stacked cuts the peak but not the cost.
    Goals g = Goals.of(rows(score(3.5, 13, 0), score(2.0, 19, 0)));
    assertThat(g.costAndPeakMet()).isFalse();
    Goals stackedMeetsBoth = Goals.of(rows(score(3.5, 13, 0), score(2.0, 17, 0)));
    assertThat(stackedMeetsBoth.costAndPeakMet()).isTrue();
  }

  @Test
  void anyViolationOrLowCaptureFails() {
    Goals g = Goals.of(rows(score(3.0, 15, 2), score(4.0, 25, 0)));
    assertThat(g.socViolations()).isEqualTo(2);
    assertThat(g.violationsMet()).isFalse();
    assertThat(g.plannedCapturePct()).isCloseTo(75, within(1e-9));
    assertThat(g.captureMet()).isFalse();
  }
}
