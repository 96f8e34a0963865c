package io.voltstream.infra;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Deadline-based polling: the one "wait until this holds" of the project, used by the servers while
 * they wait for a child process and by the tests while they wait for data to arrive. The condition
 * decides; the interval only bounds how often it is asked.
 */
public final class Waits {
  private static final Duration DEFAULT_INTERVAL = Duration.ofMillis(20);

  private Waits() {}

  /** Polls {@code condition} every 20 ms until it holds or {@code timeout} passed. */
  public static boolean until(BooleanSupplier condition, Duration timeout) {
    return until(condition, timeout, DEFAULT_INTERVAL);
  }

  /** Polls {@code condition} every {@code interval} until it holds or {@code timeout} passed. */
  public static boolean until(BooleanSupplier condition, Duration timeout, Duration interval) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      pause(interval);
    }
    return condition.getAsBoolean();
  }

  /**
   * Sleeps {@code duration}; an interrupt is restored and surfaces as an {@link InfraException}.
   */
  public static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfraException("interrupted while waiting", e);
    }
  }
}
