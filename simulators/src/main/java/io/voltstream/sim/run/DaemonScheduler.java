package io.voltstream.sim.run;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The runners' one scheduling thread: a daemon, named, stopped with a bounded wait. */
final class DaemonScheduler {
  private DaemonScheduler() {}

  static ScheduledExecutorService named(String threadName) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, threadName);
          t.setDaemon(true);
          return t;
        });
  }

  /** Stops {@code scheduler}; false when its tasks did not end within {@code wait}. */
  static boolean stop(ScheduledExecutorService scheduler, Duration wait) {
    scheduler.shutdownNow();
    try {
      return scheduler.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
