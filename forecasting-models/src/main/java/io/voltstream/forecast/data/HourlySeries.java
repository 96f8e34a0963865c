package io.voltstream.forecast.data;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An hourly time series of one target (energy per hour) plus optional covariates (hourly means of
 * weather or indoor columns), on a regular grid starting at {@link #start()}. Missing hours are
 * {@code NaN}. Immutable: the arrays are copied in and never handed out.
 */
public final class HourlySeries {
  public static final Duration STEP = Duration.ofHours(1);

  private final Instant start;
  private final double[] target;
  private final Map<String, double[]> covariates;

  public HourlySeries(Instant start, double[] target, Map<String, double[]> covariates) {
    Objects.requireNonNull(start, "start");
    if (!start.truncatedTo(ChronoUnit.HOURS).equals(start)) {
      throw new IllegalArgumentException("start must be on a full hour: " + start);
    }
    this.start = start;
    this.target = target.clone();
    var copy = new LinkedHashMap<String, double[]>();
    covariates.forEach(
        (name, values) -> {
          if (values.length != target.length) {
            throw new IllegalArgumentException(
                "covariate " + name + " has " + values.length + " hours, target " + target.length);
          }
          copy.put(name, values.clone());
        });
    this.covariates = copy;
  }

  public static HourlySeries of(Instant start, double[] target) {
    return new HourlySeries(start, target, Map.of());
  }

  public Instant start() {
    return start;
  }

  /** The first instant after the series (exclusive end). */
  public Instant end() {
    return start.plus(STEP.multipliedBy(target.length));
  }

  public int size() {
    return target.length;
  }

  public Instant timeAt(int index) {
    return start.plus(STEP.multipliedBy(index));
  }

  /** Index of the hour containing {@code t}; may be negative or ≥ size when outside. */
  public int indexOf(Instant t) {
    return (int) Math.floorDiv(Duration.between(start, t).toSeconds(), STEP.toSeconds());
  }

  /** Target value at hour {@code t}, {@code NaN} outside the series or when missing. */
  public double target(Instant t) {
    int i = indexOf(t);
    return i < 0 || i >= target.length ? Double.NaN : target[i];
  }

  public double targetAt(int index) {
    return target[index];
  }

  public Set<String> covariateNames() {
    return covariates.keySet();
  }

  public boolean hasCovariate(String name) {
    return covariates.containsKey(name);
  }

  /** Covariate value at hour {@code t}, {@code NaN} outside the series, when missing or unknown. */
  public double covariate(String name, Instant t) {
    double[] values = covariates.get(name);
    int i = indexOf(t);
    return values == null || i < 0 || i >= values.length ? Double.NaN : values[i];
  }

  /** The hours in [from, to) as a new series (clipped to this series). */
  public HourlySeries slice(Instant from, Instant to) {
    int a = Math.max(0, indexOf(from));
    int b = Math.min(target.length, indexOf(to.minusNanos(1)) + 1);
    if (b < a) {
      b = a;
    }
    int lo = a;
    int hi = b;
    var cov = new LinkedHashMap<String, double[]>();
    covariates.forEach((n, v) -> cov.put(n, Arrays.copyOfRange(v, lo, hi)));
    return new HourlySeries(timeAt(lo), Arrays.copyOfRange(target, lo, hi), cov);
  }

  /**
   * This series followed by {@code later} on one grid (gaps become NaN; where they overlap the
   * later series wins). Covariates missing in one part are NaN there.
   */
  public HourlySeries concat(HourlySeries later) {
    Instant s = start.isBefore(later.start) ? start : later.start;
    Instant e = end().isAfter(later.end()) ? end() : later.end();
    int n = (int) Duration.between(s, e).toHours();
    double[] t = new double[n];
    Arrays.fill(t, Double.NaN);
    var names = new java.util.LinkedHashSet<String>(covariates.keySet());
    names.addAll(later.covariates.keySet());
    var cov = new LinkedHashMap<String, double[]>();
    for (String name : names) {
      double[] v = new double[n];
      Arrays.fill(v, Double.NaN);
      cov.put(name, v);
    }
    for (HourlySeries part : new HourlySeries[] {this, later}) {
      int offset = (int) Duration.between(s, part.start).toHours();
      System.arraycopy(part.target, 0, t, offset, part.target.length);
      part.covariates.forEach((name, v) -> System.arraycopy(v, 0, cov.get(name), offset, v.length));
    }
    return new HourlySeries(s, t, cov);
  }

  /**
   * This series without its leading and trailing hours of missing target (empty if all missing).
   */
  public HourlySeries trimmed() {
    int a = 0;
    while (a < target.length && Double.isNaN(target[a])) {
      a++;
    }
    int b = target.length;
    while (b > a && Double.isNaN(target[b - 1])) {
      b--;
    }
    return slice(timeAt(a), timeAt(b));
  }

  /** A copy whose target and covariates from {@code from} on are replaced by {@code value}. */
  public HourlySeries overwriteFrom(Instant from, double value) {
    int a = Math.max(0, Math.min(target.length, indexOf(from)));
    double[] t = target.clone();
    Arrays.fill(t, a, t.length, value);
    var cov = new LinkedHashMap<String, double[]>();
    covariates.forEach(
        (n, v) -> {
          double[] c = v.clone();
          Arrays.fill(c, a, c.length, value);
          cov.put(n, c);
        });
    return new HourlySeries(start, t, cov);
  }
}
