package io.voltstream.launcher.bench;

import io.voltstream.sim.load.LoadGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole-stack benchmark behind {@code ./voltstream bench}: starts a fresh private stack ({@link
 * BenchStack}), drives the simulators' {@link LoadGenerator} through MQTT at each target rate of
 * the plan for one step each, and prints per step the data points per second published, landed in
 * Kafka and stored in InfluxDB, the pipeline and consumer lag and whether it stayed bounded,
 * publish → visible latency from {@link LatencyProbe}, and CPU and RSS per process. It stops
 * escalating after the first step that is not sustained, then checks that InfluxDB holds every
 * reading Kafka took, prints a summary table and the verdict against the targets, stops the
 * stack and deletes its data directory.
 */
public final class StackBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(StackBenchmark.class);
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration PROBE_SETTLE = Duration.ofSeconds(10);

  private final StackBenchmarkConfig cfg;
  private final PrintStream out;

  private StackBenchmark(StackBenchmarkConfig cfg, PrintStream out) {
    this.cfg = cfg;
    this.out = out;
  }

  /**
   * Runs the benchmark and prints its report to {@code out}. Returns true when the run completed
   * and InfluxDB holds every reading that reached Kafka; the verdict against the targets is
   * printed, not returned (a ceiling search is expected to end with a step that fails).
   */
  public static boolean run(StackBenchmarkConfig cfg, PrintStream out) throws Exception {
    return new StackBenchmark(cfg, out).run();
  }

  private boolean run() throws Exception {
    Path dataDir = BenchStack.runDirectory(cfg.dataDirParent(), "bench");
    out.printf(
        "voltstream bench: rates %s data points/s, %s per step, %d metrics per reading, %d sensors"
            + " in %d rooms%n",
        cfg.ratesDataPointsPerS(),
        Format.duration(cfg.step()),
        cfg.metricsPerReading(),
        cfg.sensors(),
        cfg.rooms());
    out.printf("Starting a fresh stack in %s (free ports)…%n", dataDir);
    long startedNanos = System.nanoTime();
    // Ctrl-C: stop the stack and remove the run's data like a normal end would.
    AtomicReference<BenchStack> running = new AtomicReference<>();
    Thread onInterrupt =
        new Thread(
            () -> {
              BenchStack stack = running.get();
              if (stack != null) {
                stack.close();
              }
              if (!cfg.keepData()) {
                BenchStack.deleteDirectory(dataDir);
              }
            },
            "voltstream-bench-stop");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try (BenchStack stack = BenchStack.start(cfg.env(), dataDir)) {
      running.set(stack);
      out.printf(
          "Stack up in %.1f s (Flink checkpoint interval %s). Machine: %d cores, load average %s%n",
          (System.nanoTime() - startedNanos) / 1e9,
          stack.checkpointInterval(),
          Runtime.getRuntime().availableProcessors(),
          loadAverages());
      return measure(stack);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running already and cleans up
      }
      if (cfg.keepData()) {
        out.println("Data kept in " + dataDir);
      } else {
        BenchStack.deleteDirectory(dataDir);
      }
    }
  }

  private boolean measure(BenchStack stack) throws Exception {
    String db = stack.infra().database();
    try (PipelineCounters counters =
            new PipelineCounters(
                stack.kafkaBootstrap(), stack.rawReadingsGroup(), stack.infra().influxClient());
        LatencyProbe probe =
            LatencyProbe.start(
                stack.mqttUrl(),
                stack.infra().influxClient(),
                cfg.probeInterval(),
                cfg.pollInterval())) {
      probe.awaitFirstSeen(READY_TIMEOUT);
      out.println("Pipeline ready: a probe reading went MQTT → ingest → Kafka → Flink → InfluxDB.");
      ResourceSampler resources = new ResourceSampler(stack.pids());
      ThreadCpu threadCpu = new ThreadCpu();
      List<StepResult> results = new ArrayList<>();
      // Idle pipeline (only the probe's last reading may be in flight): InfluxDB points written so
      // far
      // that are not Kafka readings, so that lag = Kafka records − (points written − this offset).
      PipelineCounters.Snapshot idle = counters.sample();
      long storedOffset = idle.influxPointsWritten() - idle.kafkaReadings();
      LoadGenerator load = LoadGenerator.start(cfg.loadConfig(stack.mqttUrl()));
      try {
        warmUp(load, cfg.ratesDataPointsPerS().get(0));
        PipelineCounters.Snapshot start = counters.sample();
        Tick startTick =
            new Tick(start, resources.sample(), load.publishedReadings(), load.sentReadings());
        for (int i = 0; i < cfg.ratesDataPointsPerS().size(); i++) {
          int rate = cfg.ratesDataPointsPerS().get(i);
          out.printf(
              "%nStep %d: %,d data points/s for %s%n", i + 1, rate, Format.duration(cfg.step()));
          ThreadCpu.Snapshot threadsBefore = threadCpu.sample();
          List<Tick> ticks = runStep(startTick, rate, counters, resources, load, storedOffset);
          Tick end = ticks.get(ticks.size() - 1);
          ThreadCpu.Snapshot threadsAfter = threadCpu.sample();
          boolean last = i + 1 == cfg.ratesDataPointsPerS().size();
          if (!last) {
            load.setRate(cfg.ratesDataPointsPerS().get(i + 1));
          }
          probe.awaitVisible(end.counters().at().toEpochMilli(), PROBE_SETTLE);
          StepResult result = summarise(rate, ticks, probe, storedOffset);
          results.add(result);
          out.println(ReportTable.header());
          out.println(ReportTable.row(i + 1, result));
          out.println(threadLine(threadsBefore, threadsAfter));
          if (!result.sustained()) {
            out.printf("Step %d not sustained; not escalating further.%n", i + 1);
            break;
          }
          startTick = end;
        }
      } finally {
        load.close();
        probe.stopPublishing();
      }
      boolean complete =
          Completeness.drainAndCheck(
              out,
              counters,
              storedOffset,
              stack,
              db,
              load.publishedReadings() + probe.publishedCount());
      printSummary(results, probe);
      return complete;
    }
  }

  /**
   * Ramps the load linearly from a fifth of the first rate to all of it over the first two thirds
   * of the warm-up, then holds it. Starting cold at full rate measures JIT compilation, not the
   * stack: ingest falls behind while it compiles and mosquitto queues for it; on a loaded machine
   * that backlog took minutes to clear.
   */
  private void warmUp(LoadGenerator load, int firstRate) {
    out.printf(
        "Warm-up: %s, ramping up to %,d data points/s%n", Format.duration(cfg.warmup()), firstRate);
    long start = System.nanoTime();
    long end = start + cfg.warmup().toNanos();
    long rampNanos = cfg.warmup().toNanos() * 2 / 3;
    long next = start;
    while (next < end) {
      double progress = rampNanos == 0 ? 1 : Math.min(1.0, (double) (next - start) / rampNanos);
      load.setRate(firstRate * (0.2 + 0.8 * progress));
      next = Math.min(end, next + TimeUnit.SECONDS.toNanos(2));
      parkUntil(next);
    }
    load.setRate(firstRate);
  }

  /** One sampling instant of the counters, the processes and the load generator. */
  private record Tick(
      PipelineCounters.Snapshot counters,
      ResourceSampler.Snapshot resources,
      long publishedReadings,
      long sentReadings) {}

  private List<Tick> runStep(
      Tick startTick,
      int rate,
      PipelineCounters counters,
      ResourceSampler resources,
      LoadGenerator load,
      long storedOffset) {
    List<Tick> ticks = new ArrayList<>(List.of(startTick));
    long startNanos = System.nanoTime();
    long endNanos = startNanos + cfg.step().toNanos();
    long next = startNanos;
    while (true) {
      next = Math.min(next + cfg.sampleInterval().toNanos(), endNanos);
      parkUntil(next);
      Tick tick =
          new Tick(
              counters.sample(), resources.sample(), load.publishedReadings(), load.sentReadings());
      progress(rate, startTick, ticks.get(ticks.size() - 1), tick, storedOffset);
      ticks.add(tick);
      if (next >= endNanos) {
        return ticks;
      }
    }
  }

  private void progress(int rate, Tick first, Tick prev, Tick now, long storedOffset) {
    Duration dt = Duration.between(prev.counters().at(), now.counters().at());
    int m = cfg.metricsPerReading();
    PipelineCounters.Snapshot c = now.counters();
    out.printf(
        "  [%,d/s] t=%3ds sent %8s/s · published %8s/s · Kafka %8s/s · stored %8s/s · lag %,d"
            + " readings · commit lag %s · RSS %s · load %.1f%n",
        rate,
        Duration.between(first.counters().at(), c.at()).toSeconds(),
        Format.rate(
            Rates.perSecond(Rates.dataPoints(now.sentReadings() - prev.sentReadings(), m), dt)),
        Format.rate(
            Rates.perSecond(
                Rates.dataPoints(now.publishedReadings() - prev.publishedReadings(), m), dt)),
        Format.rate(
            Rates.perSecond(
                Rates.dataPoints(c.kafkaReadings() - prev.counters().kafkaReadings(), m), dt)),
        Format.rate(
            Rates.perSecond(
                Rates.dataPoints(
                    c.influxPointsWritten() - prev.counters().influxPointsWritten(), m),
                dt)),
        lag(c, storedOffset),
        c.committedReadings() < 0
            ? "n/a"
            : String.format("%,d", c.kafkaReadings() - c.committedReadings()),
        Format.megabytes(now.resources().totalRssBytes()),
        now.resources().loadAverage());
  }

  private StepResult summarise(int rate, List<Tick> ticks, LatencyProbe probe, long storedOffset) {
    Tick first = ticks.get(0);
    Tick last = ticks.get(ticks.size() - 1);
    Duration elapsed = Duration.between(first.counters().at(), last.counters().at());
    int m = cfg.metricsPerReading();
    double published =
        Rates.perSecond(
            Rates.dataPoints(last.publishedReadings() - first.publishedReadings(), m), elapsed);
    double kafka =
        Rates.perSecond(
            Rates.dataPoints(last.counters().kafkaReadings() - first.counters().kafkaReadings(), m),
            elapsed);
    double stored =
        Rates.perSecond(
            Rates.dataPoints(
                last.counters().influxPointsWritten() - first.counters().influxPointsWritten(), m),
            elapsed);
    List<LagTrend.Sample> lagSamples = new ArrayList<>();
    long maxCommittedLag = -1;
    long maxTotalRss = 0;
    double maxLoad = 0;
    for (Tick t : ticks) {
      PipelineCounters.Snapshot c = t.counters();
      lagSamples.add(
          new LagTrend.Sample(
              Duration.between(first.counters().at(), c.at()), lag(c, storedOffset)));
      if (c.committedReadings() >= 0) {
        maxCommittedLag = Math.max(maxCommittedLag, c.kafkaReadings() - c.committedReadings());
      }
      maxTotalRss = Math.max(maxTotalRss, t.resources().totalRssBytes());
      maxLoad = Math.max(maxLoad, t.resources().loadAverage());
    }
    LagTrend lag = LagTrend.of(lagSamples, cfg.readingsPerSecond(rate), cfg.lagTolerance());
    long fromMs = first.counters().at().toEpochMilli();
    long toMs = last.counters().at().toEpochMilli();
    List<Duration> latencies =
        probe.seenBetween(fromMs, toMs).stream().map(LatencyProbe.Seen::latency).toList();
    List<ResourceSampler.Snapshot> res = ticks.stream().map(Tick::resources).toList();
    return new StepResult(
        rate,
        elapsed,
        published,
        kafka,
        stored,
        lag,
        maxCommittedLag,
        Percentiles.of(latencies),
        probe.unseenBetween(fromMs, toMs),
        ResourceSampler.usage(res),
        maxTotalRss,
        maxLoad,
        ResourceSampler.boxCpuPercent(res),
        StepVerdict.evaluate(rate, published, kafka, stored, lag, cfg.tolerance()));
  }

  /**
   * The JVM's biggest CPU users during a step, to tell which part of the in-process stack is
   * saturated.
   */
  private static String threadLine(ThreadCpu.Snapshot before, ThreadCpu.Snapshot after) {
    StringBuilder b =
        new StringBuilder(
            String.format(
                "JVM CPU by thread family (%% of one core; GC %.1f%% of wall time): ",
                ThreadCpu.gcPercent(before, after)));
    List<ThreadCpu.Share> top = ThreadCpu.top(before, after, 10);
    for (int i = 0; i < top.size(); i++) {
      b.append(i == 0 ? "" : ", ")
          .append(top.get(i).family())
          .append(String.format(" %.0f%%", top.get(i).cpuPercent()));
    }
    return b.toString();
  }

  /** Readings in Kafka not yet stored in InfluxDB. */
  private static long lag(PipelineCounters.Snapshot c, long storedOffset) {
    return Math.max(0, c.kafkaReadings() - (c.influxPointsWritten() - storedOffset));
  }

  private void printSummary(List<StepResult> results, LatencyProbe probe) {
    out.println();
    out.printf(
        "Summary (data points = metric values; %d per reading; latency = MQTT publish → visible in"
            + " InfluxDB, polled every %s, mean poll query %.1f ms):%n",
        cfg.metricsPerReading(), Format.duration(cfg.pollInterval()), probe.meanQueryMillis());
    out.println(ReportTable.table(results));
    out.println();
    out.println(TargetVerdict.evaluate(results).line());
  }

  private static String loadAverages() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "n/a";
    }
  }

  private static void parkUntil(long nanoTime) {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }
}
