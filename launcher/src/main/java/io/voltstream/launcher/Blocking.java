package io.voltstream.launcher;

import io.voltstream.launcher.stack.Lifecycle;
import java.util.concurrent.CountDownLatch;

/** Keeps a long-running command alive until the JVM is asked to stop (Ctrl-C or SIGTERM). */
final class Blocking {
  private Blocking() {}

  static void untilShutdown(Lifecycle lifecycle) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  lifecycle.close();
                  stopped.countDown();
                },
                "voltstream-stop"));
    stopped.await();
  }
}
