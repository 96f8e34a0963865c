package io.voltstream.launcher.bench;

import java.util.Map;

/** Placeholder until the benchmark lands (being written now). */
public record StackBenchmarkConfig(Map<String, String> env, int[] rates, String step, int metricsPerReading) {
  public static StackBenchmarkConfig of(Map<String, String> env, int[] rates, String step, int metricsPerReading) {
    return new StackBenchmarkConfig(env, rates, step, metricsPerReading);
  }
}
