package io.voltstream.launcher.bench;

import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiOptions;
import io.voltstream.config.CommonOptions;
import io.voltstream.infra.FreePorts;
import io.voltstream.ingest.IngestConfig;
import io.voltstream.ingest.IngestOptions;
import io.voltstream.ingest.app.IngestApp;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.launcher.stack.Lifecycle;
import io.voltstream.launcher.stack.LocalFlinkCluster;
import io.voltstream.launcher.stack.LocalInfrastructure;
import io.voltstream.launcher.stack.LocalInfrastructure.LocalInfrastructureConfig;
import io.voltstream.launcher.stack.StackOptions;
import io.voltstream.launcher.stack.StreamJobs;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh, private Voltstream stack for one benchmark run: local Kafka, mosquitto and influxd on
 * free ports with their data under the run's directory, every Flink job in a MiniCluster, and one
 * ingest instance. {@link #startFull} is {@code ./voltstream demo} itself ({@link Platform}: plus
 * the API, the forecast service and the demo building's simulators, all in this JVM as in the
 * demo), so the benchmark's footprint is the whole platform's.
 */
final class BenchStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BenchStack.class);
  static final String JVM = "JVM (Kafka+Flink+ingest+API+forecasts+simulators+load)";
  static final String MOSQUITTO = "mosquitto";
  static final String INFLUXD = "influxd";

  /**
   * Benchmark default; checkpoints commit the Kafka offsets, so the committed lag is this coarse.
   */
  static final String DEFAULT_CHECKPOINT_INTERVAL = "10s";

  private final Lifecycle lifecycle = new Lifecycle();
  private final Map<String, String> env;
  private final LocalInfrastructure infra;
  private final IngestApp ingest;
  private final ApiApp.Running api;
  private final LocalFlinkCluster flink;
  private final Platform demo;
  private final Path dataDir;

  /** The whole platform as {@code ./voltstream demo} runs it, on free ports, fresh job state. */
  private BenchStack(Map<String, String> baseEnv, Path dataDir, Platform.Starter platform)
      throws Exception {
    this.dataDir = dataDir;
    Map<String, String> base = stackEnvironment(baseEnv, dataDir);
    // one shared anonymous load-generator connection instead of a login per simulated sensor
    base.put(StackOptions.MQTT_AUTH.name(), "false");
    base.put(ApiOptions.PORT.name(), "0");
    demo = lifecycle.add("demo stack", platform.start(base));
    infra = demo.infra();
    env = demo.environment();
    flink = demo.flink();
    ingest = demo.ingest();
    api = demo.api();
  }

  private BenchStack(Map<String, String> baseEnv, Path dataDir, boolean withApi) throws Exception {
    this.dataDir = dataDir;
    try {
      Map<String, String> base = stackEnvironment(baseEnv, dataDir);
      infra =
          lifecycle.add(
              "local servers",
              LocalInfrastructure.start(
                  // the benchmark measures the pipeline with an anonymous broker (one shared
                  // load-generator connection)
                  LocalInfrastructureConfig.fromEnv(base).withoutMqttAuth()));
      env = infra.environmentFor(base);
      demo = null;
      flink =
          lifecycle.add(
              "Flink MiniCluster",
              LocalFlinkCluster.start(
                  FreePorts.pick(), StreamJobs.requiredSlots(), dataDir.resolve("flink")));
      StreamJobs.runAll(flink, env, List.of());
      ingest = lifecycle.add("ingest", IngestApp.start(IngestConfig.fromEnv(env)));
      if (!ingest.awaitSubscribed(Duration.ofSeconds(60))) {
        throw new IllegalStateException(
            "ingest did not subscribe to " + infra.mosquitto().serverUri() + " within 60s");
      }
      if (withApi) {
        Map<String, String> apiEnv = new HashMap<>(env);
        apiEnv.put(ApiOptions.PORT.name(), "0");
        api = lifecycle.add("API", ApiApp.start(ApiConfig.fromEnv(apiEnv), apiEnv));
      } else {
        api = null;
      }
      LOG.info(
          "bench stack up: Kafka {}, MQTT {}, InfluxDB {}, Flink {}",
          infra.kafka().bootstrapServers(),
          infra.mosquitto().serverUri(),
          infra.influx().url(),
          flink.restAddress());
    } catch (Exception | Error e) {
      lifecycle.close();
      throw e;
    }
  }

  static BenchStack start(Map<String, String> baseEnv, Path dataDir) throws Exception {
    return new BenchStack(baseEnv, dataDir, false);
  }

  /** The demo's whole platform ({@link Platform}) on free ports, for the step benchmark. */
  static BenchStack startFull(Map<String, String> baseEnv, Path dataDir, Platform.Starter platform)
      throws Exception {
    return new BenchStack(baseEnv, dataDir, platform);
  }

  /** The run's data directory. */
  Path dataDir() {
    return dataDir;
  }

  LocalFlinkCluster flink() {
    return flink;
  }

  /** The configuration the jobs were wired with. */
  JobsConfig jobsConfig() {
    return JobsConfig.fromEnv(env);
  }

  /** The stack plus an API instance in this JVM on a free port (the soak's WebSocket clients). */
  static BenchStack startWithApi(Map<String, String> baseEnv, Path dataDir) throws Exception {
    return new BenchStack(baseEnv, dataDir, true);
  }

  /** The API of {@link #startWithApi}; fails when the stack was started without one. */
  ApiApp.Running api() {
    if (api == null) {
      throw new IllegalStateException("this bench stack runs no API");
    }
    return api;
  }

  /**
   * The environment of the stack's modules: free ports, the run's data dir, a bench ingest client.
   */
  static Map<String, String> stackEnvironment(Map<String, String> baseEnv, Path dataDir) {
    Map<String, String> env = new HashMap<>(baseEnv);
    env.put(CommonOptions.DATA_DIR.name(), dataDir.toString());
    env.put(StackOptions.KAFKA_PORT.name(), "0");
    env.put(StackOptions.MQTT_PORT.name(), "0");
    env.put(StackOptions.INFLUX_PORT.name(), "0");
    env.put(IngestOptions.CLIENT_ID.name(), "voltstream-bench-ingest");
    // Unlike the demo (one plain session, which survives a broker restart), four sessions of a
    // shared subscription: an overloaded step queues far more than the 65,535 messages one
    // mosquitto 2.0.11 session can number, and one session would then reconnect and redeliver in
    // a loop (ingest/README.md "Backlog limit"). Compose runs ingest the same way.
    env.putIfAbsent(IngestOptions.SHARED_SUBSCRIPTION.name(), "true");
    env.putIfAbsent(IngestOptions.MQTT_SESSIONS.name(), "4");
    env.putIfAbsent(JobsConfig.CHECKPOINT_INTERVAL, DEFAULT_CHECKPOINT_INTERVAL);
    env.putIfAbsent(IngestOptions.METRICS_LOG_INTERVAL.name(), "0");
    return env;
  }

  LocalInfrastructure infra() {
    return infra;
  }

  IngestApp ingest() {
    return ingest;
  }

  URI mqttUrl() {
    return URI.create(infra.mosquitto().serverUri());
  }

  String kafkaBootstrap() {
    return infra.kafka().bootstrapServers();
  }

  String checkpointInterval() {
    return env.get(JobsConfig.CHECKPOINT_INTERVAL);
  }

  /** The prefix of every job's consumer group. */
  String jobGroupPrefix() {
    return JobsConfig.fromEnv(env).groupId("");
  }

  /** The processes whose CPU and RSS the benchmark reports, by display name. */
  Map<String, Long> pids() {
    Map<String, Long> pids = new LinkedHashMap<>();
    pids.put(JVM, ProcessHandle.current().pid());
    infra.mosquitto().pid().ifPresent(p -> pids.put(MOSQUITTO, p));
    infra.influx().pid().ifPresent(p -> pids.put(INFLUXD, p));
    return pids;
  }

  @Override
  public void close() {
    lifecycle.close();
  }

  /** A new run's data directory under {@code parent}: {@code <prefix>-yyyyMMdd-HHmmss}. */
  static Path runDirectory(Path parent, String prefix) {
    return parent.resolve(
        prefix
            + "-"
            + java.time.LocalDateTime.now()
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
  }

  /** Deletes a run's data directory; a failure is logged, the run's figures are printed already. */
  static void deleteDirectory(Path dir) {
    if (!java.nio.file.Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(dir)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  java.nio.file.Files.delete(p);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      LOG.warn("could not delete {}: {}", dir, e.toString());
    }
  }
}
