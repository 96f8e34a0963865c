package io.voltstream.launcher;

import io.voltstream.config.CommonOptions;
import io.voltstream.config.ConfigReader;
import io.voltstream.launcher.bench.Platform;
import io.voltstream.launcher.bench.SoakBenchmark;
import io.voltstream.launcher.bench.StackBenchmark;
import io.voltstream.launcher.bench.StackBenchmarkConfig;
import io.voltstream.launcher.config.LauncherOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
        "Whole-platform benchmark (every job, ingest, API, forecasts, simulators): MQTT → ingest →"
            + " Kafka → Flink → InfluxDB and WebSocket at increasing rates, plus a pass-through"
            + " baseline; prints a verdict against issue 13's targets.")
final class BenchCommand implements Callable<Integer> {
  @Mixin ConnectionOptions options;

  @Option(
      names = "--rates",
      split = ",",
      defaultValue = "30000,60000",
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
      description = "Data points per second of the soak (default ${DEFAULT-VALUE}).")
  int soakRate;

  @Option(
      names = "--ws-clients",
      defaultValue = "50",
      description = "WebSocket clients of the soak (default ${DEFAULT-VALUE}).")
  int webSocketClients;

  /**
   * The demo's whole platform with fresh job state; the forecast service starts at once with its
   * fallback, since training the demo model in the background would take CPU from the measured
   * steps.
   */
  private static Platform startPlatform(Map<String, String> env) throws Exception {
    Map<String, String> benchEnv = new HashMap<>(env);
    Path dataDir = new ConfigReader(env).get(CommonOptions.DATA_DIR);
    benchEnv.put(
        LauncherOptions.FORECAST_TRAINING_CSV.name(), dataDir.resolve("no-training").toString());
    return DemoStack.start(benchEnv, new DemoStack.Options(true, true, 0, true));
  }

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
    return StackBenchmark.run(cfg, BenchCommand::startPlatform, System.out) ? 0 : 2;
  }
}
