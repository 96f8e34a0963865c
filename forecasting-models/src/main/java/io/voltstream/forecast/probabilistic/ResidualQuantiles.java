package io.voltstream.forecast.probabilistic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a point forecast into P10/P50/P90 with the empirical quantiles of past forecast errors, per
 * {@link LeadBand}. Pure and immutable.
 *
 * <p>Errors are relative so the interval scales with the level: {@code e = (actual − forecast) /
 * scale(forecast)} with {@code scale(f) = max(f, floorKwh)}. The floor ({@code floorFraction} × the
 * mean actual value of all samples) keeps small forecasts (night, PV at dusk) from producing huge
 * ratios and gives a zero forecast an interval of the right order. Applying the quantiles: {@code
 * P_q = max(0, f + e_q · scale(f))}; P50 is the point forecast itself (clipped at 0), so {@code
 * value_kwh} stays the P50, and P10 ≤ P50 ≤ P90 always holds (a biased band cannot invert the
 * interval).
 *
 * <p>A band with fewer than {@link #MIN_BAND_SAMPLES} samples borrows the errors of all bands
 * pooled; with fewer than that in total there is no interval ({@link #apply} returns empty).
 * Quantiles interpolate linearly between order statistics (Hyndman–Fan type 7, numpy's default); a
 * dozen lines, so no statistics library is pulled in for it.
 */
public final class ResidualQuantiles {
  /** Default floor of the error scale, as a fraction of the mean actual value. */
  public static final double DEFAULT_FLOOR_FRACTION = 0.25;

  /** Fewest errors a band needs to have its own quantiles. */
  public static final int MIN_BAND_SAMPLES = 24;

  /** One past forecast and what happened. NaN or infinite values are ignored by {@link #fit}. */
  public record Sample(Duration lead, double forecastKwh, double actualKwh) {}

  /** The three quantiles of one forecast hour, in kWh, each ≥ 0 and ordered. */
  public record Interval(double p10Kwh, double p50Kwh, double p90Kwh) {}

  private record BandQuantiles(double e10, double e90, int samples) {}

  private final double floorKwh;
  private final Map<LeadBand, BandQuantiles> bands;

  private ResidualQuantiles(double floorKwh, Map<LeadBand, BandQuantiles> bands) {
    this.floorKwh = floorKwh;
    this.bands = bands;
  }

  /** Fits with {@link #DEFAULT_FLOOR_FRACTION}. */
  public static ResidualQuantiles fit(Collection<Sample> samples) {
    return fit(samples, DEFAULT_FLOOR_FRACTION);
  }

  /**
   * @param floorFraction the floor of the error scale as a fraction of the mean actual (> 0)
   */
  public static ResidualQuantiles fit(Collection<Sample> samples, double floorFraction) {
    if (!(floorFraction > 0) || Double.isInfinite(floorFraction)) {
      throw new IllegalArgumentException("floorFraction must be > 0: " + floorFraction);
    }
    List<Sample> valid = new ArrayList<>();
    double actualSum = 0;
    for (Sample s : samples) {
      if (Double.isFinite(s.forecastKwh()) && Double.isFinite(s.actualKwh())) {
        valid.add(s);
        actualSum += Math.abs(s.actualKwh());
      }
    }
    double meanActual = valid.isEmpty() ? 0 : actualSum / valid.size();
    // A series of zeros has zero errors; the tiny floor only avoids dividing by zero.
    double floorKwh = Math.max(floorFraction * meanActual, 1e-9);
    Map<LeadBand, List<Double>> errors = new EnumMap<>(LeadBand.class);
    List<Double> pooled = new ArrayList<>();
    for (Sample s : valid) {
      double e = (s.actualKwh() - s.forecastKwh()) / scale(s.forecastKwh(), floorKwh);
      errors.computeIfAbsent(LeadBand.of(s.lead()), b -> new ArrayList<>()).add(e);
      pooled.add(e);
    }
    Map<LeadBand, BandQuantiles> fitted = new EnumMap<>(LeadBand.class);
    if (pooled.size() >= MIN_BAND_SAMPLES) {
      BandQuantiles all = quantiles(pooled);
      for (LeadBand band : LeadBand.values()) {
        List<Double> own = errors.getOrDefault(band, List.of());
        fitted.put(band, own.size() >= MIN_BAND_SAMPLES ? quantiles(own) : all);
      }
    }
    return new ResidualQuantiles(floorKwh, fitted);
  }

  /** P10/P50/P90 around a point forecast made {@code lead} ahead; empty if too few samples. */
  public Optional<Interval> apply(Duration lead, double pointKwh) {
    BandQuantiles q = bands.get(LeadBand.of(lead));
    if (q == null || !Double.isFinite(pointKwh)) {
      return Optional.empty();
    }
    double s = scale(pointKwh, floorKwh);
    double p50 = Math.max(0, pointKwh);
    double p10 = Math.min(p50, Math.max(0, pointKwh + q.e10() * s));
    double p90 = Math.max(p50, Math.max(0, pointKwh + q.e90() * s));
    return Optional.of(new Interval(p10, p50, p90));
  }

  /** Whether {@link #apply} yields intervals (enough samples were fitted). */
  public boolean isFitted() {
    return !bands.isEmpty();
  }

  /** Errors the quantiles of this band came from (the pooled count if it borrowed); 0 unfitted. */
  public int samples(LeadBand band) {
    BandQuantiles q = bands.get(band);
    return q == null ? 0 : q.samples();
  }

  /** The floor of the error scale, in kWh. */
  public double floorKwh() {
    return floorKwh;
  }

  private static double scale(double forecastKwh, double floorKwh) {
    return Math.max(forecastKwh, floorKwh);
  }

  private static BandQuantiles quantiles(List<Double> errors) {
    double[] sorted = errors.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return new BandQuantiles(quantile(sorted, 0.1), quantile(sorted, 0.9), sorted.length);
  }

  /** Type-7 quantile of sorted values: interpolates between the two nearest order statistics. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
