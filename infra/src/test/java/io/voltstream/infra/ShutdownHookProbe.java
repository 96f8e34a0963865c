package io.voltstream.infra;

import java.nio.file.Path;

/**
 * Started as a separate JVM by {@link ProcessHygieneITCase}: starts mosquitto and influxd, prints
 * their pids and then waits to be terminated without closing them, like a demo hit by Ctrl-C.
 */
public final class ShutdownHookProbe {
  private ShutdownHookProbe() {}

  public static void main(String[] args) throws InterruptedException {
    Path dir = Path.of(args[0]);
    MosquittoBroker mqtt = MosquittoBroker.start(dir.resolve("mqtt"), 0);
    InfluxServer influx = InfluxServer.start(dir.resolve("influx"), 0);
    // CLI-style output read by the test
    System.out.println("PIDS " + mqtt.pid().orElseThrow() + " " + influx.pid().orElseThrow());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
