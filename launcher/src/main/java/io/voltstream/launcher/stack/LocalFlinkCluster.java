package io.voltstream.launcher.stack;

import io.voltstream.infra.Waits;
import io.voltstream.jobs.JobEnvironment;
import io.voltstream.launcher.stack.RetainedCheckpoints.Checkpoint;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.jobmaster.JobResult;
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
 * <p>State survives restarts of the process: each job checkpoints to its own stable directory
 * {@code <flinkDir>/checkpoints/<job-name>/} (job names are stable, Flink job ids change with every
 * submission), Flink retains the last {@link
 * io.voltstream.jobs.JobEnvironment#RETAINED_CHECKPOINTS} complete checkpoints there when the job
 * is cancelled or the process killed, and {@link #submit} resumes the job from the latest complete
 * one ({@link RetainedCheckpoints}) unless the cluster was started with {@link StartFrom#FRESH}.
 *
 * <pre>{@code
 * try (LocalFlinkCluster flink = LocalFlinkCluster.start(8081, 8, dataDir.resolve("flink"))) {
 *   flink.submit("raw-readings", interval, env -> RawReadingsJob.wireFromConfig(env, jobsConfig));
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

  /**
   * How long a resumed job may take to get past its restore on the JobManager (where Flink maps the
   * checkpoint's state to the new graph's operators).
   */
  private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);

  /** Where each job starts from. */
  public enum StartFrom {
    /** The job's latest complete retained checkpoint, or empty state when it has none. */
    LATEST_CHECKPOINT,
    /** Empty state: the job's retained checkpoints are deleted first ({@code --fresh}). */
    FRESH
  }

  private final MiniCluster miniCluster;
  private final Configuration baseConfig;
  private final Path checkpointsDir;
  private final StartFrom startFrom;
  private final List<JobID> jobs = new ArrayList<>();

  private LocalFlinkCluster(
      MiniCluster miniCluster, Configuration baseConfig, Path checkpointsDir, StartFrom startFrom) {
    this.miniCluster = miniCluster;
    this.baseConfig = baseConfig;
    this.checkpointsDir = checkpointsDir;
    this.startFrom = startFrom;
  }

  /** A cluster whose jobs resume from their latest retained checkpoint under {@code flinkDir}. */
  public static LocalFlinkCluster start(int restPort, int slots, Path flinkDir) throws Exception {
    return start(restPort, slots, flinkDir, StartFrom.LATEST_CHECKPOINT);
  }

  /**
   * Starts the MiniCluster without a metrics reporter; {@code flinkDir/checkpoints/<job-name>/}
   * holds each job's checkpoints.
   */
  public static LocalFlinkCluster start(int restPort, int slots, Path flinkDir, StartFrom startFrom)
      throws Exception {
    return start(restPort, slots, flinkDir, startFrom, Optional.empty());
  }

  /**
   * Starts the MiniCluster; with {@code prometheusPorts} (a port or a range such as {@code
   * 9249-9259}, {@link io.voltstream.metrics.MetricsOptions#FLINK_PORTS}) Flink's Prometheus
   * reporter serves every JobManager, TaskManager, job and operator metric on the first free port
   * of the range.
   */
  public static LocalFlinkCluster start(
      int restPort, int slots, Path flinkDir, StartFrom startFrom, Optional<String> prometheusPorts)
      throws Exception {
    Configuration conf = new Configuration();
    prometheusPorts.ifPresent(ports -> prometheusReporter(conf, ports));
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
    // The JobMaster reads how many checkpoints to keep from the cluster's configuration.
    conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, JobEnvironment.RETAINED_CHECKPOINTS);
    // Also for jobs not configured by JobEnvironment: a cancelled job keeps its checkpoints.
    conf.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
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
    return new LocalFlinkCluster(
        cluster, conf, flinkDir.resolve("checkpoints").toAbsolutePath(), startFrom);
  }

  /** The reporter flink-conf/config.yaml configures for a standalone cluster, in code. */
  static void prometheusReporter(Configuration conf, String ports) {
    conf.setString(
        "metrics.reporter.prom.factory.class",
        "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
    conf.setString("metrics.reporter.prom.port", ports);
  }

  /**
   * The Prometheus port setting of {@code env} ({@link
   * io.voltstream.metrics.MetricsOptions#FLINK_PORTS}); empty when it is {@code off}.
   */
  public static Optional<String> prometheusPorts(java.util.Map<String, String> env) {
    String ports =
        new io.voltstream.config.ConfigReader(env)
            .get(io.voltstream.metrics.MetricsOptions.FLINK_PORTS);
    return "off".equals(ports) ? Optional.empty() : Optional.of(ports);
  }

  /** A job to submit: its stable name and how to wire it on an environment. */
  public record Submission(String jobName, Consumer<StreamExecutionEnvironment> wiring) {}

  /** A submitted job and the checkpoint it resumes from, if any. */
  private record Submitted(String jobName, JobID id, Optional<Checkpoint> resumedFrom) {}

  /**
   * Builds a job with {@code wiring} on a fresh environment and submits it, resuming it from its
   * latest complete retained checkpoint unless the cluster starts jobs {@link StartFrom#FRESH};
   * returns its id.
   *
   * @throws IllegalStateException when the job cannot resume from its checkpoint (e.g. its graph
   *     changed incompatibly); the message names the checkpoint and {@code --fresh}
   */
  public JobID submit(
      String jobName, Duration checkpointInterval, Consumer<StreamExecutionEnvironment> wiring)
      throws Exception {
    return submitAll(checkpointInterval, List.of(new Submission(jobName, wiring))).get(0);
  }

  /**
   * {@link #submit} for several jobs: all are submitted before the restores are waited for, so the
   * JobManager restores them side by side. Returns their ids in order.
   */
  public List<JobID> submitAll(Duration checkpointInterval, List<Submission> submissions)
      throws Exception {
    List<Submitted> submitted = new ArrayList<>();
    for (Submission submission : submissions) {
      submitted.add(submitOne(submission, checkpointInterval));
    }
    for (Submitted job : submitted) {
      if (job.resumedFrom().isPresent()) {
        Checkpoint checkpoint = job.resumedFrom().get();
        awaitRestored(job.jobName(), job.id(), checkpoint);
        LOG.info(
            "Flink job '{}' ({}) resumed from checkpoint {} (completed {})",
            job.jobName(),
            job.id(),
            checkpoint.dir(),
            checkpoint.completedAt());
      } else {
        LOG.info(
            "Flink job '{}' ({}) started with empty state ({}); checkpoints go to {}",
            job.jobName(),
            job.id(),
            startFrom == StartFrom.FRESH ? "--fresh" : "no retained checkpoint",
            checkpointsDir.resolve(job.jobName()));
      }
    }
    return submitted.stream().map(Submitted::id).toList();
  }

  private Submitted submitOne(Submission submission, Duration checkpointInterval) throws Exception {
    String jobName = submission.jobName();
    RetainedCheckpoints retained = new RetainedCheckpoints(checkpointsDir.resolve(jobName));
    Optional<Checkpoint> resumeFrom =
        startFrom == StartFrom.FRESH ? Optional.empty() : retained.latestComplete();
    List<Path> deleted = retained.deleteRunsOtherThan(resumeFrom.map(Checkpoint::runDir));
    if (!deleted.isEmpty()) {
      LOG.info(
          "Flink job '{}': deleted {} of its earlier runs' checkpoints ({}): {}",
          jobName,
          deleted.size(),
          startFrom == StartFrom.FRESH ? "--fresh" : "superseded",
          deleted);
    }
    Configuration jobConf = new Configuration(baseConfig);
    jobConf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, retained.jobDir().toUri().toString());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(jobConf);
    env.setParallelism(JOB_PARALLELISM);
    env.enableCheckpointing(checkpointInterval.toMillis());
    submission.wiring().accept(env);
    var graph = env.getStreamGraph();
    graph.setJobName(jobName);
    // allowNonRestoredState=false: state the new graph has no operator for fails the restore
    // instead of being dropped silently.
    graph.setSavepointRestoreSettings(
        resumeFrom
            .map(c -> SavepointRestoreSettings.forPath(c.dir().toUri().toString(), false))
            .orElse(SavepointRestoreSettings.none()));
    JobID id = miniCluster.submitJob(graph).get().getJobID();
    jobs.add(id);
    return new Submitted(jobName, id, resumeFrom);
  }

  /**
   * Waits until the JobManager has mapped the checkpoint's state onto the job's operators; a job
   * that failed there (state of an operator the graph no longer has, an unreadable checkpoint)
   * fails the start with a message saying what to do, rather than running without its state.
   */
  private void awaitRestored(String jobName, JobID id, Checkpoint checkpoint) throws Exception {
    JobStatus[] status = {JobStatus.INITIALIZING};
    boolean settled =
        Waits.until(
            () -> {
              status[0] = miniCluster.getJobStatus(id).join();
              return status[0] != JobStatus.INITIALIZING && status[0] != JobStatus.CREATED;
            },
            RESTORE_TIMEOUT);
    if (!settled) {
      throw new IllegalStateException(
          "Flink job '" + jobName + "' is still restoring after " + RESTORE_TIMEOUT);
    }
    if (status[0].isGloballyTerminalState()) {
      JobResult result = miniCluster.requestJobResult(id).get();
      String cause =
          result
              .getSerializedThrowable()
              .map(t -> rootMessage(t.deserializeError(getClass().getClassLoader())))
              .orElse("job " + status[0]);
      throw new IllegalStateException(
          "Flink job '"
              + jobName
              + "' cannot resume from its retained checkpoint "
              + checkpoint.dir()
              + ": "
              + cause
              + ". If the job changed incompatibly (an operator or its uid removed, a state type"
              + " changed), start with --fresh to discard the retained state of every job (it is"
              + " deleted), or move "
              + checkpoint.runDir()
              + " away to discard this job's only.");
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == t ? String.valueOf(t) : t + " (root cause: " + root + ")";
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
