package io.voltstream.forecast.guard;

/**
 * Decides whether the service serves its model or the persistence ensemble, from the model's
 * day-ahead skill against the ensemble on the trailing days ({@link DayAheadBacktest}), with
 * hysteresis so a score near zero does not flip the choice every run:
 *
 * <ul>
 *   <li>serving the model, it switches to the ensemble when the skill drops below {@value
 *       #LEAVE_MODEL_BELOW_SKILL} (the model is measurably worse);
 *   <li>serving the ensemble, it returns to the model only when the skill reaches {@value
 *       #RETURN_TO_MODEL_FROM_SKILL} (the model is measurably better again);
 *   <li>between the two, and whenever fewer than {@value #MIN_SCORED_HOURS} hours could be scored
 *       (about four days), it keeps what it served.
 * </ul>
 *
 * The band is asymmetric on purpose: the ensemble is the safe default (the "never worse
 * than persistence"), so leaving it needs more evidence than returning to it. With whole trailing
 * days the score changes once a day, at midnight UTC, so the choice can change at most daily. Pure.
 */
public final class ProductionGuard {
  /** Trailing complete days scored. */
  public static final int TRAILING_DAYS = 7;

  /** Fewest hours scored for a decision; fewer keep the previous choice. */
  public static final int MIN_SCORED_HOURS = 96;

  public static final double LEAVE_MODEL_BELOW_SKILL = -0.02;
  public static final double RETURN_TO_MODEL_FROM_SKILL = 0.05;

  /** The fallback reason when the guard serves the ensemble instead of a usable model. */
  public static final String BASELINE_BETTER = "guard_baseline_better";

  /** What is served. A service without memory of a previous run starts from {@link #MODEL}. */
  public enum Choice {
    MODEL,
    BASELINE
  }

  /**
   * @param choice what to serve now
   * @param skill the model's trailing skill (NaN when not scored)
   * @param scoredHours hours behind the skill
   */
  public record Decision(Choice choice, double skill, int scoredHours) {
    public boolean scored() {
      return scoredHours >= MIN_SCORED_HOURS && Double.isFinite(skill);
    }
  }

  private ProductionGuard() {}

  public static Decision decide(Choice previous, double skill, int scoredHours) {
    var unchanged = new Decision(previous, skill, scoredHours);
    if (!unchanged.scored()) {
      return unchanged;
    }
    if (previous == Choice.MODEL && skill < LEAVE_MODEL_BELOW_SKILL) {
      return new Decision(Choice.BASELINE, skill, scoredHours);
    }
    if (previous == Choice.BASELINE && skill >= RETURN_TO_MODEL_FROM_SKILL) {
      return new Decision(Choice.MODEL, skill, scoredHours);
    }
    return unchanged;
  }

  public static Decision decide(Choice previous, DayAheadBacktest.Result backtest) {
    return decide(previous, backtest.skill(), backtest.hours());
  }
}
