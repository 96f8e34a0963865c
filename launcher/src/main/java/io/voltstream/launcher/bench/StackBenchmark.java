package io.voltstream.launcher.bench;

import io.voltstream.infra.Waits;
import io.voltstream.launcher.stack.LocalFlinkCluster;
import io.voltstream.sim.load.LoadGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
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
  private static final Duration BROKER_STATS_TIMEOUT = Duration.ofSeconds(30);

  private final StackBenchmarkConfig cfg;
  private final Platform.Starter platform;
  private final PrintStream out;

  private StackBenchmark(StackBenchmarkConfig cfg, Platform.Starter platform, PrintStream out) {
    this.cfg = cfg;
    this.platform = platform;
    this.out = out;
  }

  /**
   * Runs the benchmark and prints its report to {@code out}. Returns true when the run completed
   * and InfluxDB holds every reading that reached Kafka; the verdict against the targets is
   * printed, not returned (a ceiling search is expected to end with a step that fails).
   */
  public static boolean run(StackBenchmarkConfig cfg, Platform.Starter platform, PrintStream out)
      throws Exception {
    return new StackBenchmark(cfg, platform, out).run();
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
    try (BenchStack stack = BenchStack.startFull(cfg.env(), dataDir, platform)) {
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
    String token = Files.readString(stack.api().adminTokenFile()).trim();
    try (PipelineCounters counters =
            new PipelineCounters(
                stack.kafkaBootstrap(), stack.jobGroupPrefix(), stack.infra().influxClient());
        BrokerQueue broker = BrokerQueue.start(stack.mqttUrl());
        LatencyProbe probe =
            LatencyProbe.start(
                stack.mqttUrl(),
                stack.infra().influxClient(),
                cfg.probeInterval(),
                cfg.pollInterval());
        WebSocketProbe wsProbe = WebSocketProbe.start(stack.api().baseUri(), token)) {
      probe.awaitFirstSeen(READY_TIMEOUT);
      out.println("Pipeline ready: a probe reading went MQTT → ingest → Kafka → Flink → InfluxDB.");
      // Messages the idle broker holds (retained ones): the queue is what grows beyond this.
      if (!Waits.until(() -> broker.storedMessages().isPresent(), BROKER_STATS_TIMEOUT)) {
        throw new IllegalStateException(
            "mosquitto published no " + BrokerQueue.TOPIC + " within " + BROKER_STATS_TIMEOUT);
      }
      long brokerIdle = broker.storedMessages().getAsLong();
      JobCpu.Mapping jobs = JobCpu.of(stack.flink().miniCluster(), stack.jobGroupPrefix());
      JobBusyTime busyTime = new JobBusyTime(stack.flink().restAddress());
      out.printf(
          "%d Flink jobs running: %s. Broker holds %,d messages when idle.%n",
          jobs.jobs().size(), String.join(", ", jobs.jobs()), brokerIdle);
      ResourceSampler resources = new ResourceSampler(stack.pids());
      ThreadCpu threadCpu = new ThreadCpu();
      StoredReadings stored =
          new StoredReadings(
              stack.infra().influxClient().withDatabase(stack.infra().database()),
              cfg.loadConfig(stack.mqttUrl()).sensorPrefix());
      AckedIds acked = new AckedIds(cfg.sensors());
      List<StepResult> results = new ArrayList<>();
      LoadGenerator load = LoadGenerator.start(cfg.loadConfig(stack.mqttUrl()), acked);
      Sampler sampler = new Sampler(counters, resources, broker, brokerIdle, stack, load);
      try {
        warmUp(load, cfg.ratesDataPointsPerS().get(0));
        Tick startTick = sampler.tick();
        for (int i = 0; i < cfg.ratesDataPointsPerS().size(); i++) {
          int rate = cfg.ratesDataPointsPerS().get(i);
          out.printf(
              "%nStep %d: %,d data points/s (%,.0f readings/s) for %s%n",
              i + 1, rate, cfg.readingsPerSecond(rate), Format.duration(cfg.step()));
          ThreadCpu.Snapshot threadsBefore = threadCpu.sample();
          busyTime.sample(jobs); // primes Flink's metric fetcher for the end-of-step reading
          List<Tick> ticks = runStep(startTick, rate, sampler);
          Tick end = ticks.get(ticks.size() - 1);
          ThreadCpu.Snapshot threadsAfter = threadCpu.sample();
          boolean last = i + 1 == cfg.ratesDataPointsPerS().size();
          if (!last) {
            load.setRate(cfg.ratesDataPointsPerS().get(i + 1));
          }
          probe.awaitVisible(end.counters().at().toEpochMilli(), PROBE_SETTLE);
          StepResult result = summarise(rate, ticks, probe, wsProbe, stored);
          results.add(result);
          out.println(ReportTable.header());
          out.println(ReportTable.row(i + 1, result));
          out.println(threadLine(threadsBefore, threadsAfter));
          out.println(JobCpu.line(JobCpu.between(threadsBefore, threadsAfter, jobs)));
          out.println(JobBusyTime.line(busyTime.sample(jobs)));
          out.println(
              "Kafka lag per job group at the end of the step: " + end.counters().groupLag());
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
      boolean complete = IdCompleteness.drainAndCheck(out, acked, stored, sampler);
      OptionalDouble passThrough = passThrough(stack, counters);
      printSummary(results, probe);
      out.println(TargetVerdict.evaluate(results, passThrough).line());
      return complete;
    }
  }

  /**
   * The pass-through baseline over every record the run put in {@code readings}, while the stack
   * idles; empty (and said so) when it fails, so the run's other figures still count.
   */
  private OptionalDouble passThrough(BenchStack stack, PipelineCounters counters) {
    long records = counters.sample().kafkaReadings();
    out.printf(
        "%nPass-through baseline: Kafka readings → Flink (same source and deserialisation as the"
            + " jobs, parallelism %d) → discard, over the run's %,d records…%n",
        LocalFlinkCluster.JOB_PARALLELISM, records);
    try {
      PassThroughBaseline b =
          PassThroughBaseline.run(
              stack.jobsConfig(), stack.dataDir().resolve("pass-through"), records);
      out.printf(
          "Pass-through: %,d records in %s = %,.0f readings/s (%,.0f data points/s at %d per"
              + " reading)%n",
          b.records(),
          Format.duration(b.elapsed()),
          b.readingsPerSecond(),
          b.readingsPerSecond() * cfg.metricsPerReading(),
          cfg.metricsPerReading());
      return OptionalDouble.of(b.readingsPerSecond());
    } catch (Exception e) {
      LOG.warn("pass-through baseline failed", e);
      out.println("Pass-through baseline FAILED: " + e);
      return OptionalDouble.empty();
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

  /** One sampling instant of the counters, the processes, the broker and the load generator. */
  record Tick(
      PipelineCounters.Snapshot counters,
      ResourceSampler.Snapshot resources,
      long publishedReadings,
      long sentReadings,
      long brokerQueued,
      long ingestInFlight) {

    /**
     * Everything published but not yet through the slowest job: the broker's queue, ingest's
     * messages in flight and the largest Kafka lag of any job's consumer group.
     */
    long lag() {
      return brokerQueued + ingestInFlight + counters.maxGroupLag();
    }
  }

  /** Takes {@link Tick}s. */
  static final class Sampler {
    private final PipelineCounters counters;
    private final ResourceSampler resources;
    private final BrokerQueue broker;
    private final long brokerIdle;
    private final BenchStack stack;
    private final LoadGenerator load;

    Sampler(
        PipelineCounters counters,
        ResourceSampler resources,
        BrokerQueue broker,
        long brokerIdle,
        BenchStack stack,
        LoadGenerator load) {
      this.load = load;
      this.counters = counters;
      this.resources = resources;
      this.broker = broker;
      this.brokerIdle = brokerIdle;
      this.stack = stack;
    }

    Tick tick() {
      return new Tick(
          counters.sample(),
          resources.sample(),
          load.publishedReadings(),
          load.sentReadings(),
          Math.max(0, broker.storedMessages().orElse(brokerIdle) - brokerIdle),
          stack.ingest().metrics().messagesInFlight());
    }
  }

  private List<Tick> runStep(Tick startTick, int rate, Sampler sampler) {
    List<Tick> ticks = new ArrayList<>(List.of(startTick));
    long startNanos = System.nanoTime();
    long endNanos = startNanos + cfg.step().toNanos();
    long next = startNanos;
    while (true) {
      next = Math.min(next + cfg.sampleInterval().toNanos(), endNanos);
      parkUntil(next);
      Tick tick = sampler.tick();
      progress(rate, startTick, ticks.get(ticks.size() - 1), tick);
      ticks.add(tick);
      if (next >= endNanos) {
        return ticks;
      }
    }
  }

  private void progress(int rate, Tick first, Tick prev, Tick now) {
    Duration dt = Duration.between(prev.counters().at(), now.counters().at());
    int m = cfg.metricsPerReading();
    PipelineCounters.Snapshot c = now.counters();
    out.printf(
        "  [%,d/s] t=%3ds sent %8s/s · published %8s/s · Kafka %8s/s · broker queue %,d ·"
            + " ingest in flight %,d · slowest job lag %,d (%s) · RSS %s · load %.1f%n",
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
        now.brokerQueued(),
        now.ingestInFlight(),
        c.maxGroupLag(),
        c.slowestGroup(),
        Format.megabytes(now.resources().totalRssBytes()),
        now.resources().loadAverage());
  }

  private StepResult summarise(
      int rate,
      List<Tick> ticks,
      LatencyProbe probe,
      WebSocketProbe wsProbe,
      StoredReadings stored) {
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
    // By event time (= publish time): what was published in the step and has been stored.
    double storedDpS =
        Rates.perSecond(
            Rates.dataPoints(stored.countBetween(first.counters().at(), last.counters().at()), m),
            elapsed);
    List<LagTrend.Sample> lagSamples = new ArrayList<>();
    List<LagTrend.Sample> queueSamples = new ArrayList<>();
    long maxGroupLag = 0;
    String slowest = "none";
    long maxTotalRss = 0;
    double maxLoad = 0;
    for (Tick t : ticks) {
      Duration at = Duration.between(first.counters().at(), t.counters().at());
      lagSamples.add(new LagTrend.Sample(at, t.lag()));
      queueSamples.add(new LagTrend.Sample(at, t.brokerQueued()));
      if (t.counters().maxGroupLag() >= maxGroupLag) {
        maxGroupLag = t.counters().maxGroupLag();
        slowest = t.counters().slowestGroup();
      }
      maxTotalRss = Math.max(maxTotalRss, t.resources().totalRssBytes());
      maxLoad = Math.max(maxLoad, t.resources().loadAverage());
    }
    double readingsPerS = cfg.readingsPerSecond(rate);
    LagTrend lag = LagTrend.of(lagSamples, readingsPerS, cfg.lagTolerance());
    LagTrend queue = LagTrend.of(queueSamples, readingsPerS, cfg.lagTolerance());
    long fromMs = first.counters().at().toEpochMilli();
    long toMs = last.counters().at().toEpochMilli();
    List<Duration> latencies =
        probe.seenBetween(fromMs, toMs).stream().map(LatencyProbe.Seen::latency).toList();
    List<Duration> wsLatencies = wsProbe.seenBetween(fromMs, toMs);
    int probesPublished = probe.publishedBetween(fromMs, toMs);
    List<ResourceSampler.Snapshot> res = ticks.stream().map(Tick::resources).toList();
    return new StepResult(
        rate,
        m,
        elapsed,
        published,
        kafka,
        storedDpS,
        lag,
        queue,
        maxGroupLag,
        slowest,
        Percentiles.of(latencies, probe.unseenBetween(fromMs, toMs)),
        Optional.of(Percentiles.of(wsLatencies, Math.max(0, probesPublished - wsLatencies.size()))),
        ResourceSampler.usage(res),
        maxTotalRss,
        maxLoad,
        ResourceSampler.boxCpuPercent(res),
        StepVerdict.evaluate(rate, published, storedDpS, lag, queue, cfg.tolerance()));
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

  private void printSummary(List<StepResult> results, LatencyProbe probe) {
    out.println();
    out.printf(
        "Summary (data points = metric values; %d per reading; latency = MQTT publish → visible in"
            + " InfluxDB, polled every %s, mean poll query %.1f ms):%n",
        cfg.metricsPerReading(), Format.duration(cfg.pollInterval()), probe.meanQueryMillis());
    out.println(ReportTable.table(results));
    out.println();
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
