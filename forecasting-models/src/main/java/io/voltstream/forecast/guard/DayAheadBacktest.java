package io.voltstream.forecast.guard;

import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.evaluation.ForecastMetrics;
import io.voltstream.forecast.features.PastView;
import io.voltstream.forecast.probabilistic.ResidualQuantiles.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays forecasters on the trailing complete days before an origin the way {@code forecast
 * evaluate} scores them (day-ahead: origin at each day's midnight UTC, the day's 24 hours), on the
 * hours where every forecaster and the actual value exist, so their errors compare hour for hour. A
 * day is replayed only when each of the 7 days before it has data. Pure: it reads the history only
 * through {@link PastView}s, so no forecaster sees its answers.
 */
public final class DayAheadBacktest {
  private static final Duration DAY = Duration.ofDays(1);

  private DayAheadBacktest() {}

  /** The paired errors of a candidate and a reference on the same hours. */
  public record Result(List<Sample> candidate, List<Sample> reference) {
    public Result {
      candidate = List.copyOf(candidate);
      reference = List.copyOf(reference);
    }

    /** Hours scored (the same for both). */
    public int hours() {
      return candidate.size();
    }

    public double candidateRmseKwh() {
      return rmse(candidate);
    }

    public double referenceRmseKwh() {
      return rmse(reference);
    }

    /**
     * 1 − RMSE(candidate) / RMSE(reference); NaN when nothing was scored. An exact reference scores
     * the candidate 0 when it is exact too, else −1 (a finite stand-in for "worse").
     */
    public double skill() {
      if (hours() == 0) {
        return Double.NaN;
      }
      double ref = referenceRmseKwh();
      double cand = candidateRmseKwh();
      if (ref == 0) {
        return cand == 0 ? 0 : -1;
      }
      return ForecastMetrics.skill(cand, ref);
    }
  }

  /**
   * Both forecasters over the {@code days} complete days before {@code origin}'s day; without a
   * candidate, only the reference (its samples in both lists).
   */
  public static Result run(
      Optional<Forecaster> candidate,
      Forecaster reference,
      HourlySeries history,
      Instant origin,
      int days) {
    var c = new ArrayList<Sample>();
    var r = new ArrayList<Sample>();
    Instant today = origin.truncatedTo(ChronoUnit.DAYS);
    for (int k = days; k >= 1; k--) {
      Instant dayStart = today.minus(DAY.multipliedBy(k));
      if (!hasWeekBefore(history, dayStart)) {
        continue;
      }
      List<Instant> hours = new ArrayList<>();
      for (int h = 0; h < 24; h++) {
        hours.add(dayStart.plus(Duration.ofHours(h)));
      }
      var past = new PastView(history, dayStart);
      double[] ref = reference.forecast(past, hours);
      double[] cand = candidate.isPresent() ? candidate.get().forecast(past, hours) : ref;
      for (int h = 0; h < 24; h++) {
        double actual = history.target(hours.get(h));
        if (Double.isFinite(actual) && Double.isFinite(ref[h]) && Double.isFinite(cand[h])) {
          Duration lead = Duration.ofHours(h);
          // Served values are clipped at 0, so the replay scores them clipped too.
          c.add(new Sample(lead, Math.max(0, cand[h]), actual));
          r.add(new Sample(lead, Math.max(0, ref[h]), actual));
        }
      }
    }
    return new Result(c, r);
  }

  /**
   * Whether each of the 7 days before {@code dayStart} has a value: only then are both sides fully
   * defined (the ensemble's whole week, a model's weekly lag), so a young history is not judged on
   * stand-ins.
   */
  static boolean hasWeekBefore(HourlySeries history, Instant dayStart) {
    for (int d = 1; d <= 7; d++) {
      Instant day = dayStart.minus(DAY.multipliedBy(d));
      boolean any = false;
      for (int h = 0; h < 24 && !any; h++) {
        any = Double.isFinite(history.target(day.plus(Duration.ofHours(h))));
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  private static double rmse(List<Sample> samples) {
    double[] a = samples.stream().mapToDouble(Sample::actualKwh).toArray();
    double[] f = samples.stream().mapToDouble(Sample::forecastKwh).toArray();
    return a.length == 0 ? Double.NaN : ForecastMetrics.rmse(a, f);
  }
}
