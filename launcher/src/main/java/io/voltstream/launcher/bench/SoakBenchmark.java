package io.voltstream.launcher.bench;

import io.voltstream.sim.load.LoadGenerator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./voltstream bench --soak 30m}: the whole stack plus an API instance at one constant rate
 * (half the sustained figure by default) for a long time, with WebSocket clients connecting and
 * leaving all the while ({@link WebSocketChurn}). Once a minute it samples the heap after a full
 * collection, and threads, open file descriptors and RSS of every process; at the end it checks
 * that InfluxDB holds every acknowledged reading and prints whether each figure stayed flat ({@link
 * SoakTrend}) after the warm-up.
 */
public final class SoakBenchmark {
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration MAX_SAMPLE_INTERVAL = Duration.ofMinutes(1);
  private static final Duration MAX_WARMUP = Duration.ofMinutes(5);
  private static final Duration RAMP = Duration.ofSeconds(30);
  private static final long WS_SEED = 42;

  private final StackBenchmarkConfig cfg;
  private final Duration duration;
  private final int rate;
  private final int webSocketClients;
  private final PrintStream out;

  private SoakBenchmark(StackBenchmarkConfig cfg, int webSocketClients, PrintStream out) {
    this.cfg = cfg;
    this.duration = cfg.step();
    this.rate = cfg.ratesDataPointsPerS().get(0);
    this.webSocketClients = webSocketClients;
    this.out = out;
  }

  /**
   * Runs the soak (rate = the config's first rate, duration = its step). True when nothing was lost
   * and every figure stayed flat.
   */
  public static boolean run(StackBenchmarkConfig cfg, int webSocketClients, PrintStream out)
      throws Exception {
    if (webSocketClients < 0) {
      throw new IllegalArgumentException("--ws-clients must be ≥ 0, got " + webSocketClients);
    }
    return new SoakBenchmark(cfg, webSocketClients, out).run();
  }

  private boolean run() throws Exception {
    Path dataDir = BenchStack.runDirectory(cfg.dataDirParent(), "soak");
    out.printf(
        "voltstream bench --soak %s: %,d data points/s (%d per reading), %d sensors in %d rooms,"
            + " %d WebSocket clients connecting and leaving; data in %s%n",
        Format.duration(duration),
        rate,
        cfg.metricsPerReading(),
        cfg.sensors(),
        cfg.rooms(),
        webSocketClients,
        dataDir);
    try (BenchStack stack = BenchStack.startWithApi(cfg.env(), dataDir)) {
      return soak(stack);
    } finally {
      if (cfg.keepData()) {
        out.println("Data kept in " + dataDir);
      } else {
        BenchStack.deleteDirectory(dataDir);
      }
    }
  }

  private boolean soak(BenchStack stack) throws Exception {
    String token = Files.readString(stack.api().adminTokenFile()).trim();
    Duration sampleEvery = min(MAX_SAMPLE_INTERVAL, duration.dividedBy(12));
    Duration warmup = min(MAX_WARMUP, duration.dividedBy(6));
    try (PipelineCounters counters =
            new PipelineCounters(
                stack.kafkaBootstrap(), stack.jobGroupPrefix(), stack.infra().influxClient());
        LatencyProbe probe =
            LatencyProbe.start(
                stack.mqttUrl(),
                stack.infra().influxClient(),
                cfg.probeInterval(),
                cfg.pollInterval())) {
      probe.awaitFirstSeen(READY_TIMEOUT);
      PipelineCounters.Snapshot idle = counters.sample();
      long storedOffset = idle.influxPointsWritten() - idle.kafkaReadings();
      SoakSampler sampler = new SoakSampler(stack.pids());
      List<SoakSample> samples = new ArrayList<>();
      long startMs = System.currentTimeMillis();
      long start = System.nanoTime();
      LoadGenerator load = LoadGenerator.start(cfg.loadConfig(stack.mqttUrl()));
      WebSocketChurn churn =
          WebSocketChurn.start(stack.api().baseUri(), token, webSocketClients, WS_SEED);
      try {
        out.println(
            "   elapsed  achieved/s   lag  heap-GC  JVM thr/fds/RSS      mosquitto thr/fds/RSS"
                + "  influxd thr/fds/RSS   ws opened/open/msgs");
        long next = start;
        long end = start + duration.toNanos();
        long prevPoints = 0;
        long prevNanos = start;
        while (true) {
          long now = System.nanoTime();
          if (now < start + RAMP.toNanos()) {
            load.setRate(rate * (0.2 + 0.8 * (now - start) / (double) RAMP.toNanos()));
          } else {
            load.setRate(rate);
          }
          if (now >= next) {
            PipelineCounters.Snapshot c = counters.sample();
            // The slowest job's Kafka lag (offsets commit at checkpoints). Points written is no
            // reading count here: every job writes points.
            long lag = c.maxGroupLag();
            SoakSample s =
                sampler.sample(Duration.ofNanos(now - start), load.publishedReadings(), churn, lag);
            samples.add(s);
            long points = load.publishedDataPoints();
            double achieved = (points - prevPoints) / ((now - prevNanos) / 1e9);
            prevPoints = points;
            prevNanos = now;
            out.println(line(s, achieved));
            next += sampleEvery.toNanos();
          }
          if (now >= end) {
            break;
          }
          LockSupport.parkNanos(
              Math.min(end, Math.min(next, now + TimeUnit.SECONDS.toNanos(2))) - now);
        }
      } finally {
        churn.close();
        load.close();
        probe.stopPublishing();
      }
      long failures = churn.failures();
      boolean complete =
          Completeness.drainAndCheck(
              out,
              counters,
              storedOffset,
              stack,
              stack.infra().database(),
              load.publishedReadings() + probe.publishedCount());
      long endMs = System.currentTimeMillis();
      out.println(
          "Publish → visible in InfluxDB over the soak (p50 / p99 / max, unseen probes count as"
              + " failures): "
              + Percentiles.of(
                      probe.seenBetween(startMs, endMs).stream()
                          .map(LatencyProbe.Seen::latency)
                          .toList(),
                      probe.unseenBetween(startMs, endMs))
                  .describe());
      out.printf(
          "WebSocket: %,d sessions opened, %,d messages received, %,d failed connects%n",
          churn.opened(), churn.messages(), failures);
      List<SoakSample> steady =
          samples.stream().filter(s -> s.elapsed().compareTo(warmup) >= 0).toList();
      out.printf(
          "%nTrend after the %s warm-up (%d samples, first vs last quarter):%n",
          Format.duration(warmup), steady.size());
      List<SoakTrend.Figure> figures = SoakTrend.evaluate(steady);
      for (SoakTrend.Figure f : figures) {
        out.printf(
            "  %-28s %14s → %14s  (growth %s, allowed %s, slope %s/h)  %s%n",
            f.name(),
            amount(f.name(), f.firstQuarter()),
            amount(f.name(), f.lastQuarter()),
            amount(f.name(), f.growth()),
            amount(f.name(), f.allowed()),
            amount(f.name(), f.slopePerHour()),
            f.flat() ? "flat" : "GROWS");
      }
      boolean flat = SoakTrend.allFlat(figures);
      out.println(
          flat && complete
              ? "Soak verdict: every figure flat, nothing lost."
              : "Soak verdict: FAILED ("
                  + (flat ? "" : "a figure grows; ")
                  + (complete ? "" : "readings lost")
                  + ")");
      return flat && complete;
    }
  }

  /** One sample as a table row; {@code achieved} = data points/s acknowledged since the last. */
  private static String line(SoakSample s, double achieved) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            "%10s %11s %5d %8s",
            Format.duration(s.elapsed()),
            Format.rate(achieved),
            s.kafkaLagReadings(),
            Format.megabytes(s.heapAfterGcBytes())));
    s.processes()
        .values()
        .forEach(
            p ->
                b.append(
                    String.format(
                        "  %4d/%4d/%8s",
                        p.threads(), p.openFds(), Format.megabytes(p.rssBytes()))));
    b.append(
        String.format(
            "  %,d/%d/%,d", s.webSocketsOpened(), s.webSocketsOpen(), s.webSocketMessages()));
    return b.toString();
  }

  private static String amount(String figure, double v) {
    return figure.endsWith("RSS") || figure.startsWith("JVM heap")
        ? String.format("%.1f MB", v / (1 << 20))
        : String.format("%.1f", v);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
