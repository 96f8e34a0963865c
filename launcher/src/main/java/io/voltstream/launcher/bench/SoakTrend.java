package io.voltstream.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Whether a soak's resources stayed flat: for each figure (heap after GC, and per process RSS,
 * threads and open file descriptors) it compares the mean of the first quarter of the samples after
 * warm-up with the mean of the last quarter, and fits a least-squares slope per hour. A figure is
 * flat when its growth from the first to the last quarter stays within its allowance: leaks grow
 * monotonically, so a quarter-to-quarter comparison catches them while ignoring the sawtooth of
 * buffers and caches inside a quarter.
 */
public final class SoakTrend {

  /** Allowances: thread and fd counts are small integers; memory grows with caches up to a cap. */
  static final int THREADS_ALLOWED = 4;

  static final int FDS_ALLOWED = 32;
  static final double MEMORY_FRACTION_ALLOWED = 0.10;
  static final long MEMORY_BYTES_FLOOR = 32L << 20;

  /** One figure's verdict. */
  public record Figure(
      String name, double firstQuarter, double lastQuarter, double slopePerHour, double allowed) {
    public double growth() {
      return lastQuarter - firstQuarter;
    }

    public boolean flat() {
      return growth() <= allowed;
    }
  }

  private SoakTrend() {}

  /** The verdict per figure over {@code samples} (warm-up already removed); needs 4 samples. */
  public static List<Figure> evaluate(List<SoakSample> samples) {
    if (samples.size() < 4) {
      throw new IllegalArgumentException(
          "a soak verdict needs at least 4 samples after warm-up, got " + samples.size());
    }
    List<Figure> figures = new ArrayList<>();
    figures.add(memory("JVM heap after GC", samples, s -> s.heapAfterGcBytes()));
    for (String process : samples.get(0).processes().keySet()) {
      figures.add(memory(process + " RSS", samples, s -> footprint(s, process).rssBytes()));
      figures.add(
          figure(
              process + " threads",
              samples,
              s -> footprint(s, process).threads(),
              THREADS_ALLOWED));
      figures.add(
          figure(
              process + " open fds", samples, s -> footprint(s, process).openFds(), FDS_ALLOWED));
    }
    return figures;
  }

  public static boolean allFlat(List<Figure> figures) {
    return figures.stream().allMatch(Figure::flat);
  }

  private static SoakSample.ProcessFootprint footprint(SoakSample s, String process) {
    SoakSample.ProcessFootprint f = s.processes().get(process);
    // A process that vanished mid-soak has no footprint: count it as a violation downstream.
    return f == null ? new SoakSample.ProcessFootprint(Long.MAX_VALUE / 4, 0, 0) : f;
  }

  private static Figure memory(
      String name, List<SoakSample> samples, ToDoubleFunction<SoakSample> f) {
    double first = quarterMean(samples, f, true);
    double allowed = Math.max(MEMORY_BYTES_FLOOR, MEMORY_FRACTION_ALLOWED * first);
    return new Figure(
        name, first, quarterMean(samples, f, false), slopePerHour(samples, f), allowed);
  }

  private static Figure figure(
      String name, List<SoakSample> samples, ToDoubleFunction<SoakSample> f, double allowed) {
    return new Figure(
        name,
        quarterMean(samples, f, true),
        quarterMean(samples, f, false),
        slopePerHour(samples, f),
        allowed);
  }

  private static double quarterMean(
      List<SoakSample> samples, ToDoubleFunction<SoakSample> f, boolean first) {
    int n = Math.max(1, samples.size() / 4);
    List<SoakSample> part =
        first ? samples.subList(0, n) : samples.subList(samples.size() - n, samples.size());
    return part.stream().mapToDouble(f).average().orElse(0);
  }

  /** Least-squares slope of the figure against elapsed time, per hour. */
  static double slopePerHour(List<SoakSample> samples, ToDoubleFunction<SoakSample> f) {
    double n = samples.size();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (SoakSample s : samples) {
      double x = s.elapsed().toMillis() / 3_600_000.0;
      double y = f.applyAsDouble(s);
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    double denominator = n * sxx - sx * sx;
    return denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
  }
}
