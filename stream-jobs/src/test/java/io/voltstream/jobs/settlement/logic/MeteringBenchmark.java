package io.voltstream.jobs.settlement.logic;

import io.voltstream.energy.finance.MeteredEnergy;
import io.voltstream.jobs.dispatch.logic.BatteryReading;
import io.voltstream.jobs.dispatch.logic.SensorPower;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Samples per second of the settlement metering for one building with many meters: {@link
 * Metering#integrate} per sample interval (how the settlement function integrated before) against
 * {@link MeteringRun} (one run per 1-minute flush), over the same samples, and how far their
 * energies drift apart, also with a single run over the whole span (no rebuild; over more than 10
 * minutes only that drift, against a run per flush, is printed). A CLI, not a test: {@code java -cp
 * <test classpath> io.voltstream.jobs.settlement.logic.MeteringBenchmark [meters rooms minutes
 * readingsPerSecond]}.
 */
public final class MeteringBenchmark {
  private static final Instant START = Instant.parse("2026-01-14T11:07:00Z");
  private static final Duration STALE = Duration.ofMinutes(2);
  private static final Duration FLUSH = Duration.ofMinutes(1);

  private record Sample(String id, MeterSensor meter) {}

  private MeteringBenchmark() {}

  public static void main(String[] args) {
    int meters = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rooms = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int minutes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int perSecond = args.length > 3 ? Integer.parseInt(args[3]) : 750;
    List<Sample> samples = samples(meters, rooms, minutes, perSecond);
    Instant end = START.plus(Duration.ofMinutes(minutes));
    if (minutes > 10) { // the per-interval reference would take minutes: drift of one long run
      Map<String, MeteredEnergy> flushed = perFlush(samples, end, FLUSH);
      Map<String, MeteredEnergy> oneRun = perFlush(samples, end, Duration.ofMinutes(minutes));
      System.out.printf(
          "%d samples over %d min: max relative difference, one run without rebuild against"
              + " a run per 1-min flush: %.3g%n",
          samples.size(), minutes, maxRelativeDifference(flushed, oneRun));
      return;
    }
    for (int round = 1; round <= 2; round++) { // round 1 warms the JIT up
      long t0 = System.nanoTime();
      Map<String, MeteredEnergy> before = perInterval(samples, end);
      long t1 = System.nanoTime();
      Map<String, MeteredEnergy> after = perFlush(samples, end, FLUSH);
      long t2 = System.nanoTime();
      Map<String, MeteredEnergy> oneRun = perFlush(samples, end, Duration.ofMinutes(minutes));
      System.out.printf(
          "round %d: %d meters, %d rooms, %d samples over %d min%n"
              + "  Metering.integrate per interval: %,.0f samples/s%n"
              + "  MeteringRun per 1-min flush:     %,.0f samples/s%n"
              + "  max relative difference: per flush %.3g, one run without rebuild %.3g%n",
          round,
          meters,
          rooms,
          samples.size(),
          minutes,
          samples.size() / ((t1 - t0) / 1e9),
          samples.size() / ((t2 - t1) / 1e9),
          maxRelativeDifference(before, after),
          maxRelativeDifference(before, oneRun));
    }
  }

  private static List<Sample> samples(int meters, int rooms, int minutes, int perSecond) {
    Random rnd = new Random(42);
    List<Sample> out = new ArrayList<>();
    long count = (long) minutes * 60 * perSecond;
    long stepNanos = 1_000_000_000L / perSecond;
    for (long i = 0; i < count; i++) {
      Instant at = START.plusNanos(i * stepNanos);
      int m = rnd.nextInt(meters);
      boolean pv = m % 5 == 0;
      out.add(
          new Sample(
              "m" + m,
              new MeterSensor("r" + m % rooms, new SensorPower(rnd.nextDouble() * 3000, pv, at))));
    }
    return out;
  }

  private static Map<String, MeteredEnergy> perInterval(List<Sample> samples, Instant end) {
    Map<String, MeterSensor> meters = new HashMap<>();
    Map<String, MeteredEnergy> out = new TreeMap<>();
    Instant cursor = START;
    for (Sample s : samples) {
      Instant at = s.meter().power().at();
      if (at.isAfter(cursor)) {
        add(out, Metering.integrate(cursor, at, meters.values(), List.of(), STALE));
        cursor = at;
      }
      meters.put(s.id(), s.meter());
    }
    add(out, Metering.integrate(cursor, end, meters.values(), List.of(), STALE));
    return out;
  }

  private static Map<String, MeteredEnergy> perFlush(
      List<Sample> samples, Instant end, Duration flush) {
    Map<String, MeterSensor> meters = new HashMap<>();
    Map<String, BatteryReading> batteries = Map.of();
    Map<String, MeteredEnergy> out = new TreeMap<>();
    Instant until = START.plus(flush);
    MeteringRun run = new MeteringRun(START, STALE, meters, batteries);
    for (Sample s : samples) {
      Instant at = s.meter().power().at();
      while (!at.isBefore(until)) {
        run.advanceTo(until);
        add(out, run.finish());
        run = new MeteringRun(until, STALE, meters, batteries);
        until = until.plus(flush);
      }
      run.advanceTo(at);
      meters.put(s.id(), s.meter());
      run.meter(s.id(), s.meter());
    }
    run.advanceTo(end);
    add(out, run.finish());
    return out;
  }

  private static void add(Map<String, MeteredEnergy> into, List<Metering.Increment> incs) {
    for (Metering.Increment i : incs) {
      into.merge(i.slot() + "/" + i.room(), i.energy(), MeteredEnergy::plus);
    }
  }

  private static double maxRelativeDifference(
      Map<String, MeteredEnergy> expected, Map<String, MeteredEnergy> actual) {
    if (!expected.keySet().equals(actual.keySet())) {
      return Double.POSITIVE_INFINITY;
    }
    double max = 0;
    for (var e : expected.entrySet()) {
      MeteredEnergy x = e.getValue();
      MeteredEnergy y = actual.get(e.getKey());
      double[][] pairs = {
        {x.consumptionKwh(), y.consumptionKwh()},
        {x.generationKwh(), y.generationKwh()},
        {x.importKwh(), y.importKwh()},
        {x.exportKwh(), y.exportKwh()},
        {x.meteredSeconds(), y.meteredSeconds()}
      };
      for (double[] p : pairs) {
        double scale = Math.max(Math.abs(p[0]), Math.abs(p[1]));
        if (scale > 0) {
          max = Math.max(max, Math.abs(p[0] - p[1]) / scale);
        }
      }
    }
    return max;
  }
}
