package io.voltstream.launcher;

import io.voltstream.launcher.stack.Lifecycle;
import io.voltstream.launcher.stack.LocalFlinkCluster;
import io.voltstream.launcher.stack.LocalFlinkCluster.StartFrom;
import io.voltstream.launcher.stack.LocalInfrastructure.LocalInfrastructureConfig;
import io.voltstream.launcher.stack.StreamJobs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the Flink jobs in a local MiniCluster against the configured Kafka and InfluxDB, each
 * resuming from its latest retained checkpoint under the data directory unless {@code --fresh}.
 */
@Command(
    name = "jobs",
    mixinStandardHelpOptions = true,
    description = "Run the Flink jobs in a local MiniCluster (web UI on --flink-port).")
final class JobsCommand implements Callable<Integer> {
  @Mixin ConnectionOptions options;

  @Option(
      names = "--only",
      split = ",",
      description =
          "Jobs to run (default all): raw-readings, room-aggregation, alerts, dispatch,"
              + " command-status, battery-state.")
  List<String> only = new ArrayList<>();

  @Option(
      names = "--flink-port",
      defaultValue = "8081",
      description = "Flink web UI / REST port (default ${DEFAULT-VALUE}).")
  int flinkPort;

  @Option(
      names = "--fresh",
      description =
          "Start every job with empty state: delete its retained checkpoints under"
              + " <data-dir>/flink/checkpoints/ instead of resuming from the latest one.")
  boolean fresh;

  @Override
  public Integer call() throws Exception {
    for (String name : only) {
      if (!StreamJobs.names().contains(name)) {
        throw new IllegalArgumentException(
            "unknown job '" + name + "'; known: " + StreamJobs.names());
      }
    }
    Map<String, String> env = options.environment();
    Lifecycle lifecycle = new Lifecycle();
    LocalFlinkCluster flink =
        lifecycle.add(
            "Flink MiniCluster",
            LocalFlinkCluster.start(
                flinkPort,
                StreamJobs.requiredSlots(),
                LocalInfrastructureConfig.fromEnv(env).dataDir().resolve("flink"),
                fresh ? StartFrom.FRESH : StartFrom.LATEST_CHECKPOINT,
                LocalFlinkCluster.prometheusPorts(env)));
    StreamJobs.runAll(flink, env, only);
    System.out.println("Flink jobs running; web UI " + flink.restAddress());
    Blocking.untilShutdown(lifecycle);
    return 0;
  }
}
