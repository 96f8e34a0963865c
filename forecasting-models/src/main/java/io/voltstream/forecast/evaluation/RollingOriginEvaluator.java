package io.voltstream.forecast.evaluation;

import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.data.HourlySeries;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rolling-origin, expanding-window evaluation: the last {@code count × days} days of a series are
 * cut into consecutive folds; for each fold the forecasters are built from the series <em>before
 * the fold only</em> (the factory never sees the fold or anything after it) and scored day-ahead
 * from each midnight of the fold by {@link WalkForwardEvaluator}. A single test window is one noisy
 * draw; many folds show how a modelling choice does on windows it has never seen, and the worst
 * fold shows whether it can be worse than the baseline.
 */
public final class RollingOriginEvaluator {
  /** History a fold's training may use at least (a week of lags plus a day of samples). */
  public static final Duration MIN_TRAINING = Duration.ofDays(8);

  private RollingOriginEvaluator() {}

  /** Fold {@code number} (1-based) covers [from, to). */
  public record Fold(int number, Instant from, Instant to) {}

  /**
   * Builds a fold's forecasters from the history before the fold (the persistence ensemble is
   * added).
   */
  public interface FoldForecasters {
    List<Forecaster> build(HourlySeries before, Fold fold);
  }

  /** One fold's metrics and the paired forecasts behind them. */
  public record FoldResult(Fold fold, EvaluationReport report, PairedForecasts paired) {}

  /** Every fold plus the pooled metrics (all folds' hours together, skill on pooled RMSE). */
  public record Report(List<FoldResult> folds, EvaluationReport pooled) {
    /** Mean of the per-fold skills of {@code id}. */
    public double meanSkill(String id) {
      return folds.stream()
          .mapToDouble(f -> f.report().metrics().get(id).skill())
          .average()
          .orElseThrow();
    }

    /** The lowest per-fold skill of {@code id}. */
    public double worstSkill(String id) {
      return folds.stream()
          .mapToDouble(f -> f.report().metrics().get(id).skill())
          .min()
          .orElseThrow();
    }
  }

  /**
   * {@code count} folds of {@code days} days ending at the last midnight of the series.
   *
   * @throws IllegalArgumentException when fewer than {@link #MIN_TRAINING} remain before the first
   */
  public static List<Fold> folds(HourlySeries series, int count, int days) {
    if (count < 1 || days < 1) {
      throw new IllegalArgumentException("need ≥ 1 fold of ≥ 1 day, got " + count + " × " + days);
    }
    Instant end = series.end().truncatedTo(ChronoUnit.DAYS);
    Instant first = end.minus(Duration.ofDays((long) count * days));
    if (Duration.between(series.start(), first).compareTo(MIN_TRAINING) < 0) {
      throw new IllegalArgumentException(
          count
              + " folds of "
              + days
              + " days leave "
              + Duration.between(series.start(), first).toDays()
              + " days of training before the first fold; need at least "
              + MIN_TRAINING.toDays());
    }
    var folds = new ArrayList<Fold>();
    for (int k = 0; k < count; k++) {
      Instant from = first.plus(Duration.ofDays((long) k * days));
      folds.add(new Fold(k + 1, from, from.plus(Duration.ofDays(days))));
    }
    return List.copyOf(folds);
  }

  public static Report evaluate(
      HourlySeries series,
      List<Fold> folds,
      int horizonHours,
      FoldForecasters factory,
      Consumer<FoldResult> progress) {
    var results = new ArrayList<FoldResult>();
    for (Fold fold : folds) {
      HourlySeries before = series.slice(series.start(), fold.from());
      var forecasters = new ArrayList<>(factory.build(before, fold));
      if (forecasters.stream().noneMatch(f -> f.id().equals(Baselines.PERSISTENCE_ENSEMBLE))) {
        forecasters.add(Baselines.persistenceEnsemble());
      }
      // The evaluator sees up to the fold's end: forecasts still read only before each origin.
      PairedForecasts paired =
          WalkForwardEvaluator.run(
              series.slice(series.start(), fold.to()),
              fold.from(),
              fold.to(),
              horizonHours,
              forecasters,
              d -> {});
      var result = new FoldResult(fold, WalkForwardEvaluator.score(paired), paired);
      results.add(result);
      progress.accept(result);
    }
    EvaluationReport pooled =
        WalkForwardEvaluator.score(
            PairedForecasts.concat(results.stream().map(FoldResult::paired).toList()));
    return new Report(List.copyOf(results), pooled);
  }
}
