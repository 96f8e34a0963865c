package io.voltstream.launcher;

import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiConfig;
import io.voltstream.forecast.streaming.ForecastConfig;
import io.voltstream.forecast.streaming.ForecastService;
import io.voltstream.ingest.IngestApp;
import io.voltstream.ingest.IngestConfig;
import io.voltstream.launcher.LocalInfrastructure.LocalInfrastructureConfig;
import io.voltstream.sim.SimulatorApp;
import io.voltstream.sim.SimulatorConfig;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the whole platform on this machine: Kafka, mosquitto and influxd, every Flink job in one
 * MiniCluster, ingest, the API with its dashboard, the forecast service and the demo building's
 * simulators. Ctrl-C stops everything in reverse order.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the whole stack locally with a simulated building; Ctrl-C stops it.")
final class DemoCommand implements Callable<Integer> {
  @Mixin ConnectionOptions options;

  @Option(names = "--no-simulator", description = "Do not start the demo building's simulators.")
  boolean noSimulator;

  @Option(names = "--flink-port", defaultValue = "8081", description = "Flink web UI / REST port (default ${DEFAULT-VALUE}).")
  int flinkPort;

  @Override
  public Integer call() throws Exception {
    Lifecycle lifecycle = new Lifecycle();
    try {
      Map<String, String> base = options.environment();
      LocalInfrastructure infra = lifecycle.add("local servers", LocalInfrastructure.start(LocalInfrastructureConfig.fromEnv(base)));
      Map<String, String> env = infra.environmentFor(base);

      LocalFlinkCluster flink = lifecycle.add("Flink MiniCluster",
          LocalFlinkCluster.start(flinkPort, 8, LocalInfrastructureConfig.fromEnv(env).dataDir().resolve("flink")));
      StreamJobs.runAll(flink, env, List.of());

      lifecycle.add("ingest", IngestApp.start(IngestConfig.fromEnv(env)));
      ApiApp.Running api = lifecycle.add("API", ApiApp.start(ApiConfig.fromEnv(env), env));
      ForecastService forecasts = lifecycle.add("forecast service", ForecastService.create(ForecastConfig.fromEnv(env)));
      forecasts.start();
      if (!noSimulator) {
        lifecycle.add("simulators", SimulatorApp.start(SimulatorConfig.fromEnv(env)));
      }
      printSummary(System.out, infra, flink, api, env);
      Blocking.untilShutdown(lifecycle);
      return 0;
    } catch (Exception | Error e) {
      lifecycle.close();
      throw e;
    }
  }

  private static void printSummary(PrintStream out, LocalInfrastructure infra, LocalFlinkCluster flink,
      ApiApp.Running api, Map<String, String> env) throws Exception {
    out.println();
    out.println("Voltstream demo is running. Ctrl-C stops everything.");
    out.println("  Dashboard        " + api.baseUri() + "/");
    out.println("  API docs         " + api.baseUri() + "/docs");
    out.println("  Admin token      " + api.adminTokenFile().toAbsolutePath() + "  (paste it into the dashboard)");
    out.println("  Flink web UI     " + flink.restAddress());
    out.println("  Kafka            " + infra.kafka().bootstrapServers() + "  (in-process KRaft)");
    out.println("  MQTT (mosquitto) " + infra.mosquitto().serverUri());
    out.println("  InfluxDB         " + infra.influx().url() + "  database '" + infra.database() + "'");
    out.println("  Data directory   " + LocalInfrastructureConfig.fromEnv(env).dataDir());
    out.println("  Logs             var/log/voltstream.log");
    out.println("Try: mosquitto_pub -p " + infra.mosquitto().port()
        + " -t sensors/my-meter/readings -m '{\"sensor_id\":\"my-meter\",\"timestamp\":" + System.currentTimeMillis()
        + ",\"room\":\"kitchen\",\"sensor_type\":\"power\",\"power\":{\"value\":750,\"unit\":\"W\"}}'");
    out.println();
  }
}
