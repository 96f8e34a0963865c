package io.voltstream.forecast.features;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Turns the past (a {@link PastView}) into the features of one target hour after the origin. Pure:
 * the same view and target give the same vector, and every target-history read goes through the
 * view, which refuses anything at or after the origin. Lags are in whole days so they stay before
 * the origin for leads up to 24 h.
 *
 * <p>Missing inputs give {@code NaN} features; the model adapter treats them as missing.
 */
public final class FeatureExtractor {
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration WEEK = Duration.ofDays(7);

  /** Below this level (Wh or kWh per hour) normalising would amplify noise around zero. */
  private static final double MIN_LEVEL = 1e-6;

  private final FeatureSpec spec;
  private final List<String> names;

  /** Length of the vector of every feature before the spec's feature set selects. */
  private final int fullSize;

  /** Indexes into the full vector of the features in the spec's feature set. */
  private final int[] selected;

  public FeatureExtractor(FeatureSpec spec) {
    this.spec = spec;
    var n =
        new ArrayList<>(
            List.of(
                "hour_of_day",
                "day_of_week",
                "is_weekend",
                "lead_hours",
                "lag_24h",
                "lag_48h",
                "lag_72h",
                "lag_168h",
                "lag_336h",
                "same_hour_mean_7d",
                "same_hour_median_7d",
                "same_hour_min_7d",
                "same_hour_max_7d",
                "same_hour_std_7d",
                "same_hour_mean_3d",
                "same_weekday_mean_2w",
                "window_3h_mean_7d",
                "same_hour_mean_14d",
                "same_hour_mean_28d",
                "same_hour_median_28d",
                "window_3h_mean_28d",
                "mean_28d_before_origin",
                "mean_24h_before_origin",
                "max_24h_before_origin",
                "last_hour",
                "mean_last_3h"));
    if (spec.normalization() == Normalization.NONE) {
      n.add("mean_168h_before_origin");
    }
    for (String c : spec.weatherColumns()) {
      if (spec.weatherMode() != WeatherMode.NONE) {
        n.add(c + "_last");
        n.add(c + "_mean_24h");
        n.add(c + "_lag_24h");
      }
      if (spec.weatherMode() == WeatherMode.PERFECT_FORECAST) {
        n.add(c + "_at_target");
        n.add(c + "_day_mean_at_target");
      }
    }
    this.fullSize = n.size();
    this.selected =
        IntStream.range(0, n.size()).filter(k -> spec.featureSet().includes(n.get(k))).toArray();
    this.names = Arrays.stream(selected).mapToObj(n::get).toList();
  }

  public FeatureSpec spec() {
    return spec;
  }

  public List<String> names() {
    return names;
  }

  /** The normalisation level seen from this origin: 1, or the week's mean before the origin. */
  public double level(PastView past) {
    if (spec.normalization() == Normalization.NONE) {
      return 1.0;
    }
    double week = past.meanBeforeOrigin(WEEK);
    return Double.isNaN(week) || week < MIN_LEVEL ? Double.NaN : week;
  }

  public FeatureVector extract(PastView past, Instant target, CovariateOracle weatherForecast) {
    Instant origin = past.origin();
    if (target.isBefore(origin)) {
      throw new IllegalArgumentException("target " + target + " is before the origin " + origin);
    }
    if (Duration.between(origin, target).compareTo(DAY) >= 0) {
      throw new IllegalArgumentException("lead over 24 h is not supported: " + target);
    }
    double level = level(past);
    double[] v = new double[fullSize];
    int i = 0;
    ZonedDateTime local = target.atZone(ZoneOffset.UTC);
    v[i++] = local.getHour();
    v[i++] = local.getDayOfWeek().getValue();
    v[i++] =
        local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY
            ? 1
            : 0;
    v[i++] = Duration.between(origin, target).toHours();

    double[] sameHour = new double[7];
    for (int k = 1; k <= 7; k++) {
      sameHour[k - 1] = past.target(target.minus(DAY.multipliedBy(k)));
    }
    v[i++] = sameHour[0] / level;
    v[i++] = sameHour[1] / level;
    v[i++] = sameHour[2] / level;
    v[i++] = sameHour[6] / level;
    double lag336 = past.target(target.minus(WEEK.multipliedBy(2)));
    v[i++] = lag336 / level;
    double ensemble = Stats.mean(sameHour) / level;
    v[i++] = ensemble;
    v[i++] = Stats.median(sameHour) / level;
    v[i++] = Stats.min(sameHour) / level;
    v[i++] = Stats.max(sameHour) / level;
    v[i++] = Stats.std(sameHour) / level;
    v[i++] = Stats.mean(Arrays.copyOf(sameHour, 3)) / level;
    v[i++] = Stats.mean(new double[] {sameHour[6], lag336}) / level;
    double[] window = new double[21];
    for (int k = 1; k <= 7; k++) {
      Instant day = target.minus(DAY.multipliedBy(k));
      for (int d = -1; d <= 1; d++) {
        Instant t = day.plus(Duration.ofHours(d));
        window[(k - 1) * 3 + d + 1] = t.isBefore(origin) ? past.target(t) : Double.NaN;
      }
    }
    v[i++] = Stats.mean(window) / level;
    double[] sameHour28 = new double[28];
    double[] window28 = new double[28 * 3];
    for (int k = 1; k <= 28; k++) {
      Instant day = target.minus(DAY.multipliedBy(k));
      sameHour28[k - 1] = past.target(day);
      for (int d = -1; d <= 1; d++) {
        Instant t = day.plus(Duration.ofHours(d));
        window28[(k - 1) * 3 + d + 1] = t.isBefore(origin) ? past.target(t) : Double.NaN;
      }
    }
    v[i++] = Stats.mean(Arrays.copyOf(sameHour28, 14)) / level;
    v[i++] = Stats.mean(sameHour28) / level;
    v[i++] = Stats.median(sameHour28) / level;
    v[i++] = Stats.mean(window28) / level;
    v[i++] = past.meanBeforeOrigin(Duration.ofDays(28)) / level;
    v[i++] = past.meanBeforeOrigin(DAY) / level;
    double[] lastDay = new double[24];
    for (int h = 1; h <= 24; h++) {
      lastDay[h - 1] = past.target(origin.minus(Duration.ofHours(h)));
    }
    v[i++] = Stats.max(lastDay) / level;
    v[i++] = lastDay[0] / level;
    v[i++] = Stats.mean(Arrays.copyOf(lastDay, 3)) / level;
    if (spec.normalization() == Normalization.NONE) {
      v[i++] = past.meanBeforeOrigin(WEEK);
    }
    for (String c : spec.weatherColumns()) {
      if (spec.weatherMode() != WeatherMode.NONE) {
        v[i++] = past.covariate(c, origin.minus(Duration.ofHours(1)));
        v[i++] = past.covariateMeanBeforeOrigin(c, DAY);
        v[i++] = past.covariate(c, target.minus(DAY));
      }
      if (spec.weatherMode() == WeatherMode.PERFECT_FORECAST) {
        v[i++] = weatherForecast.at(c, target);
        Instant dayStart = target.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        double[] day = new double[24];
        for (int h = 0; h < 24; h++) {
          day[h] = weatherForecast.at(c, dayStart.plus(Duration.ofHours(h)));
        }
        v[i++] = Stats.mean(day);
      }
    }
    double[] values = new double[selected.length];
    for (int k = 0; k < selected.length; k++) {
      values[k] = v[selected[k]];
    }
    return new FeatureVector(
        values, level, spec.targetTransform() == TargetTransform.RESIDUAL ? ensemble : 0.0);
  }
}
