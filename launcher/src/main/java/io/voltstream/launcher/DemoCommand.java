package io.voltstream.launcher;

import io.voltstream.api.ApiApp;
import io.voltstream.launcher.stack.LocalFlinkCluster;
import io.voltstream.launcher.stack.LocalInfrastructure;
import io.voltstream.launcher.stack.LocalInfrastructure.LocalInfrastructureConfig;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the whole platform on this machine: Kafka, mosquitto and influxd, every Flink job in one
 * MiniCluster, ingest, the API with its dashboard, the forecast service and the demo building's
 * simulators. Ctrl-C stops everything in reverse order. Started again on the same data directory,
 * it keeps what the last run stored, and every Flink job resumes from its latest retained
 * checkpoint (unless {@code --fresh}), even after the last run was killed. The first start writes
 * four weeks of the community's history first ({@link DemoBackfill}).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run the whole stack locally with a simulated building; Ctrl-C stops it.")
final class DemoCommand implements Callable<Integer> {
  @Mixin ConnectionOptions options;

  @Option(names = "--no-simulator", description = "Do not start the demo building's simulators.")
  boolean noSimulator;

  @Option(
      names = "--flink-port",
      defaultValue = "8081",
      description = "Flink web UI / REST port (default ${DEFAULT-VALUE}).")
  int flinkPort;

  @Option(
      names = "--fresh",
      description =
          "Start every Flink job with empty state: delete its retained checkpoints under"
              + " <data-dir>/flink/checkpoints/ instead of resuming from the latest one.")
  boolean fresh;

  @Option(
      names = "--history-days",
      defaultValue = "28",
      description =
          "On a first start (no InfluxDB data in the data directory) write this many days of the"
              + " simulated community's history first, so forecasts, DR baselines and market"
              + " agents work at once; 0 = none (default ${DEFAULT-VALUE}).")
  int historyDays;

  @Override
  public Integer call() throws Exception {
    DemoStack stack =
        DemoStack.start(
            options.environment(),
            new DemoStack.Options(!noSimulator, true, flinkPort, fresh, historyDays));
    printSummary(System.out, stack.infra(), stack.flink(), stack.api(), stack.environment());
    Blocking.untilShutdown(stack.lifecycle());
    return 0;
  }

  private static void printSummary(
      PrintStream out,
      LocalInfrastructure infra,
      LocalFlinkCluster flink,
      ApiApp.Running api,
      Map<String, String> env)
      throws Exception {
    out.println();
    out.println("Voltstream demo is running. Ctrl-C stops everything.");
    out.println("  Dashboard        " + api.baseUri() + "/");
    out.println("  API docs         " + api.baseUri() + "/docs");
    out.println(
        "  Admin token      "
            + api.adminTokenFile().toAbsolutePath().normalize()
            + "  (paste it into the dashboard)");
    out.println("  Flink web UI     " + flink.restAddress());
    out.println("  Kafka            " + infra.kafka().bootstrapServers() + "  (in-process KRaft)");
    out.println("  MQTT (mosquitto) " + infra.mosquitto().serverUri());
    out.println(
        "  InfluxDB         " + infra.influx().url() + "  database '" + infra.database() + "'");
    out.println("  Data directory   " + LocalInfrastructureConfig.fromEnv(env).dataDir());
    out.println("  Logs             var/log/voltstream.log");
    if (infra.mosquittoAuth().isPresent()) {
      out.println(
          "MQTT needs a login per device: register the sensor, then POST "
              + api.baseUri()
              + "/api/v1/sensors/<id>/mqtt-credentials (admin token) and");
      out.println(
          "  mosquitto_pub -p "
              + infra.mosquitto().port()
              + " -u <id> -P <password> -q 1 -t sensors/<id>/readings -m '{...}'");
    } else {
      out.println(
          "Try: mosquitto_pub -p "
              + infra.mosquitto().port()
              + " -t sensors/my-meter/readings -m '{\"sensor_id\":\"my-meter\",\"timestamp\":"
              + System.currentTimeMillis()
              + ",\"room\":\"kitchen\",\"sensor_type\":\"power\",\"power\":{\"value\":750,\"unit\":\"W\"}}'");
    }
    out.println();
  }
}
