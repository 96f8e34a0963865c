package io.voltstream.launcher;

import io.voltstream.launcher.bench.SoakBenchmark;
import io.voltstream.launcher.bench.StackBenchmark;
import io.voltstream.launcher.bench.StackBenchmarkConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Drives the whole local stack at increasing rates and prints throughput, latency and footprint.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Whole-stack benchmark: MQTT → ingest → Kafka → Flink → InfluxDB at increasing rates.")
final class BenchCommand implements Callable<Integer> {
  @Mixin ConnectionOptions options;

  @Option(
      names = "--rates",
      split = ",",
      defaultValue = "10000,20000,30000,40000",
      description = "Target data points per second, one step each (default ${DEFAULT-VALUE}).")
  int[] rates;

  @Option(
      names = "--step",
      defaultValue = "60s",
      description =
          "Duration of each step (default ${DEFAULT-VALUE}; use 5m for the sustained figure).")
  String step;

  @Option(
      names = "--metrics-per-reading",
      defaultValue = "6",
      description = "Metric values per reading (default ${DEFAULT-VALUE}).")
  int metricsPerReading;

  @Option(
      names = "--soak",
      description =
          "Soak instead of the step plan: run this long (e.g. 30m) at --soak-rate with WebSocket"
              + " clients connecting and leaving, and report whether heap, threads, file"
              + " descriptors and RSS stay flat.")
  String soak;

  @Option(
      names = "--soak-rate",
      defaultValue = "15000",
      description =
          "Data points per second of the soak (default ${DEFAULT-VALUE}: half the 30,000 sustained"
              + " in the README's performance table).")
  int soakRate;

  @Option(
      names = "--ws-clients",
      defaultValue = "50",
      description = "WebSocket clients of the soak (default ${DEFAULT-VALUE}).")
  int webSocketClients;

  @Override
  public Integer call() throws Exception {
    if (soak != null) {
      StackBenchmarkConfig soakCfg =
          StackBenchmarkConfig.of(
              options.environment(), new int[] {soakRate}, soak, metricsPerReading);
      return SoakBenchmark.run(soakCfg, webSocketClients, System.out) ? 0 : 2;
    }
    StackBenchmarkConfig cfg =
        StackBenchmarkConfig.of(options.environment(), rates, step, metricsPerReading);
    return StackBenchmark.run(cfg, System.out) ? 0 : 2;
  }
}
