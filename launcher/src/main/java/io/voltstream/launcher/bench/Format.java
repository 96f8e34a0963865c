package io.voltstream.launcher.bench;

import java.time.Duration;

/** Number and duration formatting of the benchmark's tables. */
final class Format {
  private Format() {}

  /** {@code 30s}, {@code 5m}, {@code 1m30s}, {@code 850ms}. */
  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    long s = Math.round(ms / 1000.0);
    if (s < 60) {
      return s + "s";
    }
    return s % 60 == 0 ? s / 60 + "m" : s / 60 + "m" + s % 60 + "s";
  }

  /** Milliseconds of a latency: {@code 412ms}, {@code 3.2s}. */
  static String latency(Duration d) {
    long ms = d.toMillis();
    return ms < 10_000 ? ms + "ms" : String.format("%.1fs", ms / 1000.0);
  }

  /** A percentile that may have fallen on an unseen probe. */
  static String latency(java.util.Optional<Duration> d) {
    return d.map(Format::latency).orElse("unseen");
  }

  static String megabytes(long bytes) {
    return String.format("%,d MB", Math.round(bytes / 1e6));
  }

  static String rate(double perSecond) {
    return String.format("%,.0f", perSecond);
  }
}
