package io.voltstream.forecast.baselines;

import io.voltstream.forecast.features.PastView;
import io.voltstream.forecast.features.Stats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The persistence baselines every model must beat: the same hour of the previous day, of the
 * previous week, and the persistence ensemble (the mean of the same hour over the previous 7 days,
 * ignoring missing days). All read only before the origin, so leads up to 24 h.
 */
public final class Baselines {
  public static final String PREVIOUS_DAY = "previous_day";
  public static final String PREVIOUS_WEEK = "previous_week";
  public static final String PERSISTENCE_ENSEMBLE = "persistence_ensemble";

  private static final Duration DAY = Duration.ofDays(1);

  private Baselines() {}

  public static double previousDay(PastView past, Instant target) {
    return past.target(target.minus(DAY));
  }

  public static double previousWeek(PastView past, Instant target) {
    return past.target(target.minus(DAY.multipliedBy(7)));
  }

  public static double persistenceEnsemble(PastView past, Instant target) {
    double[] sameHour = new double[7];
    for (int k = 1; k <= 7; k++) {
      sameHour[k - 1] = past.target(target.minus(DAY.multipliedBy(k)));
    }
    return Stats.mean(sameHour);
  }

  public static Forecaster previousDay() {
    return of(PREVIOUS_DAY, Baselines::previousDay);
  }

  public static Forecaster previousWeek() {
    return of(PREVIOUS_WEEK, Baselines::previousWeek);
  }

  public static Forecaster persistenceEnsemble() {
    return of(PERSISTENCE_ENSEMBLE, Baselines::persistenceEnsemble);
  }

  /** The three baselines in report order. */
  public static List<Forecaster> all() {
    return List.of(persistenceEnsemble(), previousDay(), previousWeek());
  }

  private interface PointRule {
    double at(PastView past, Instant target);
  }

  private static Forecaster of(String id, PointRule rule) {
    return new Forecaster() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public double[] forecast(PastView past, List<Instant> targets) {
        return targets.stream().mapToDouble(t -> rule.at(past, t)).toArray();
      }
    };
  }
}
