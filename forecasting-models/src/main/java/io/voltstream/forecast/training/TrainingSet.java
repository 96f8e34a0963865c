package io.voltstream.forecast.training;

import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.features.CovariateOracle;
import io.voltstream.forecast.features.FeatureExtractor;
import io.voltstream.forecast.features.FeatureVector;
import io.voltstream.forecast.features.PastView;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Supervised samples cut from a series: for every origin in the range (every {@code originStride},
 * aligned to midnight for a 24 h stride) and each of the next 24 hours inside the range, the
 * features seen from that origin and the actual value as the extractor's target transform labels it
 * (normalised, optionally minus the persistence ensemble). Samples whose core lags are missing (the
 * first week) are skipped and counted.
 */
public record TrainingSet(List<String> featureNames, double[][] x, double[] y, int skipped) {
  /** Features that must be present for a sample to be used. */
  static final List<String> REQUIRED = List.of("lag_24h", "lag_168h", "same_hour_mean_7d");

  public int size() {
    return y.length;
  }

  public static TrainingSet build(
      FeatureExtractor extractor,
      HourlySeries series,
      Instant from,
      Instant to,
      Duration originStride,
      CovariateOracle weatherForecast) {
    List<String> names = extractor.names();
    int[] required = REQUIRED.stream().mapToInt(names::indexOf).toArray();
    var rows = new ArrayList<double[]>();
    var labels = new ArrayList<Double>();
    int skipped = 0;
    Instant origin = from.truncatedTo(ChronoUnit.HOURS);
    if (originStride.toHours() % 24 == 0) {
      origin = from.truncatedTo(ChronoUnit.DAYS);
      if (origin.isBefore(from)) {
        origin = origin.plus(Duration.ofDays(1));
      }
    }
    for (; origin.isBefore(to); origin = origin.plus(originStride)) {
      var past = new PastView(series, origin);
      for (int h = 0; h < 24; h++) {
        Instant target = origin.plusSeconds(3600L * h);
        if (!target.isBefore(to)) {
          break;
        }
        double actual = series.target(target);
        FeatureVector fv = extractor.extract(past, target, weatherForecast);
        double label = fv.label(actual);
        if (!Double.isFinite(label) || anyMissing(fv.values(), required)) {
          skipped++;
          continue;
        }
        rows.add(fv.values());
        labels.add(label);
      }
    }
    return new TrainingSet(
        names,
        rows.toArray(double[][]::new),
        labels.stream().mapToDouble(Double::doubleValue).toArray(),
        skipped);
  }

  private static boolean anyMissing(double[] values, int[] indexes) {
    for (int i : indexes) {
      if (Double.isNaN(values[i])) {
        return true;
      }
    }
    return false;
  }
}
