package io.voltstream.launcher.stack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One in-process Flink MiniCluster that runs several Voltstream jobs side by side, with the web UI
 * and REST API on a fixed port (8081 by default) so operators can watch the jobs as on a real
 * cluster.
 *
 * <p>Jobs are wired by the same {@code wireFromConfig(env, config)} functions their {@code main}
 * uses on a cluster; the resulting stream graph is submitted to this MiniCluster directly, so no
 * job jar is involved. Memory is kept small on purpose: every job keeps its state on the heap.
 *
 * <pre>{@code
 * try (LocalFlinkCluster flink = LocalFlinkCluster.start(8081, 8, dataDir.resolve("flink"))) {
 *   flink.submit("raw-readings", env -> RawReadingsJob.wireFromConfig(env, jobsConfig));
 * }
 * }</pre>
 */
public final class LocalFlinkCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalFlinkCluster.class);

  /**
   * Parallelism of every job submitted here. Fixed rather than the local environment's default (the
   * number of cores), so that the slots a set of jobs needs is known: see {@link
   * StreamJobs#requiredSlots}.
   */
  public static final int JOB_PARALLELISM = 2;

  private final MiniCluster miniCluster;
  private final Configuration baseConfig;
  private final List<JobID> jobs = new ArrayList<>();

  private LocalFlinkCluster(MiniCluster miniCluster, Configuration baseConfig) {
    this.miniCluster = miniCluster;
    this.baseConfig = baseConfig;
  }

  public static LocalFlinkCluster start(int restPort, int slots, Path flinkDir) throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    conf.set(RestOptions.ADDRESS, "127.0.0.1");
    // BIND_PORT accepts 0 (any free port), which the tests use; PORT is what clients are told.
    conf.set(RestOptions.BIND_PORT, String.valueOf(restPort));
    if (restPort > 0) {
      conf.set(RestOptions.PORT, restPort);
    }
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("64m"));
    conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("64m"));
    conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("64m"));
    conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    conf.set(
        CheckpointingOptions.CHECKPOINTS_DIRECTORY,
        flinkDir.resolve("checkpoints").toAbsolutePath().toUri().toString());
    conf.setString("pipeline.generic-types", "false");
    MiniClusterConfiguration mcc =
        new MiniClusterConfiguration.Builder()
            .setConfiguration(conf)
            .setNumTaskManagers(1)
            .setNumSlotsPerTaskManager(slots)
            .build();
    MiniCluster cluster = new MiniCluster(mcc);
    cluster.start();
    LOG.info("Flink MiniCluster up: web UI {}", cluster.getRestAddress().get());
    return new LocalFlinkCluster(cluster, conf);
  }

  /** Builds a job with {@code wiring} on a fresh environment and submits it; returns its id. */
  public JobID submit(
      String jobName, Duration checkpointInterval, Consumer<StreamExecutionEnvironment> wiring)
      throws Exception {
    Configuration jobConf = new Configuration(baseConfig);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(jobConf);
    env.setParallelism(JOB_PARALLELISM);
    env.enableCheckpointing(checkpointInterval.toMillis());
    wiring.accept(env);
    var graph = env.getStreamGraph();
    graph.setJobName(jobName);
    JobID id = miniCluster.submitJob(graph).get().getJobID();
    jobs.add(id);
    LOG.info("Submitted Flink job '{}' ({})", jobName, id);
    return id;
  }

  public URI restAddress() throws Exception {
    return miniCluster.getRestAddress().get();
  }

  public MiniCluster miniCluster() {
    return miniCluster;
  }

  @Override
  public void close() throws Exception {
    for (JobID id : jobs) {
      try {
        miniCluster.cancelJob(id).get();
      } catch (Exception e) {
        LOG.debug("cancel {} failed (already finished?)", id, e);
      }
    }
    miniCluster.closeAsync().get();
  }
}
