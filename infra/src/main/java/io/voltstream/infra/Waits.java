package io.voltstream.infra;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Deadline-based polling used by the servers while they wait for a child process. */
final class Waits {
  private Waits() {}

  /** Polls {@code condition} every 20 ms until it holds or {@code timeout} passed. */
  static boolean until(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      pause(Duration.ofMillis(20));
    }
    return condition.getAsBoolean();
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfraException("interrupted while waiting", e);
    }
  }
}
