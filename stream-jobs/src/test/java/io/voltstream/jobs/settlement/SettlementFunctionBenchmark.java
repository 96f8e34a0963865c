package io.voltstream.jobs.settlement;

import java.time.Instant;
import java.util.Random;

/**
 * Samples per second through {@link SettlementFunction} (Flink's operator test harness, heap state)
 * for one building with many meters: readings at a steady event-time rate, the watermark a second
 * behind, a flush every minute (the default config). A CLI, not a test: {@code java -cp <test
 * classpath> io.voltstream.jobs.settlement.SettlementFunctionBenchmark [meters rooms minutes
 * readingsPerSecond]}.
 */
public final class SettlementFunctionBenchmark {
  private static final Instant START = Instant.parse("2026-01-14T11:00:00Z");

  private SettlementFunctionBenchmark() {}

  public static void main(String[] args) throws Exception {
    int meters = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rooms = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int minutes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int perSecond = args.length > 3 ? Integer.parseInt(args[3]) : 750;
    Random rnd = new Random(42);
    for (int round = 1; round <= 2; round++) { // round 1 warms the JIT up
      var harness = SettlementFunctionTest.harness(null);
      long samples = 0;
      long t0 = System.nanoTime();
      for (int second = 0; second < minutes * 60; second++) {
        for (int i = 0; i < perSecond; i++) {
          Instant at = START.plusSeconds(second).plusNanos(i * (1_000_000_000L / perSecond));
          int m = rnd.nextInt(meters);
          var in =
              new SettlementInput(
                  SettlementInput.Kind.METER,
                  SettlementTestData.HOME,
                  "m" + m,
                  "r" + m % rooms,
                  at,
                  rnd.nextDouble() * 3000,
                  Double.NaN,
                  m % 5 == 0,
                  null,
                  0);
          harness.processElement(in, at.toEpochMilli());
          samples++;
        }
        long watermark = START.plusSeconds(second).toEpochMilli();
        harness.processBroadcastWatermark(watermark);
        harness.processWatermark(watermark);
        harness.getOutput().clear();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      harness.close();
      System.out.printf(
          "round %d: %d meters, %d rooms, %d samples over %d min event time: %,.0f samples/s%n",
          round, meters, rooms, samples, minutes, samples / seconds);
    }
  }
}
