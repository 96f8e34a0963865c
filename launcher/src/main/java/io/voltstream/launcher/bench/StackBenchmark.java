package io.voltstream.launcher.bench;

import java.io.PrintStream;

/** Being written now. */
public final class StackBenchmark {
  private StackBenchmark() {}

  public static boolean run(StackBenchmarkConfig cfg, PrintStream out) {
    throw new UnsupportedOperationException("the benchmark is not written yet");
  }
}
