package io.voltstream.launcher;

import io.voltstream.config.Option;
import io.voltstream.launcher.config.LauncherOptions;
import io.voltstream.launcher.stack.StreamJobs;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.deployment.StandaloneClusterId;
import org.apache.flink.client.program.PackagedProgram;
import org.apache.flink.client.program.PackagedProgramUtils;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;

/**
 * Submits jobs of the shaded job jar to a running Flink session cluster through its REST API: the
 * job graph is built here by running the entry class's {@code main} ({@link PackagedProgram}), then
 * uploaded with the jar. The settings travel as program arguments ({@code --kafka-bootstrap=…}), so
 * the cluster needs no Voltstream environment. Used by {@code voltstream submit}.
 */
public final class JobSubmitter {

  /** A job accepted by the cluster. */
  public record Submitted(String name, JobID jobId) {}

  private final URI flink;
  private final Path jobJar;
  private final int parallelism;

  /** {@code flink} is the REST address ({@code http://host:8081}; port 8081 when absent). */
  public JobSubmitter(URI flink, Path jobJar, int parallelism) {
    requireHost(flink);
    if (parallelism < 1) {
      throw new IllegalArgumentException("--parallelism must be at least 1, got " + parallelism);
    }
    this.flink = flink;
    this.jobJar = jobJar;
    this.parallelism = parallelism;
  }

  /**
   * Submits {@code jobs} in order with {@code programArgs}, each started fresh; returns their ids
   * once the cluster accepted each.
   */
  public List<Submitted> submit(List<StreamJobs.Job> jobs, String[] programArgs) throws Exception {
    return submit(jobs, programArgs, Map.of(), false);
  }

  /**
   * Submits {@code jobs} in order with {@code programArgs}; a job named in {@code savepoints}
   * restores its state from that savepoint ({@code allowNonRestoredState}: even when the savepoint
   * holds state of an operator the new job no longer has). Returns their ids once the cluster
   * accepted each.
   */
  public List<Submitted> submit(
      List<StreamJobs.Job> jobs,
      String[] programArgs,
      Map<String, String> savepoints,
      boolean allowNonRestoredState)
      throws Exception {
    Configuration conf = clientConfiguration(flink);
    List<Submitted> submitted = new ArrayList<>();
    try (RestClusterClient<StandaloneClusterId> client =
        new RestClusterClient<>(conf, StandaloneClusterId.getInstance())) {
      for (StreamJobs.Job job : jobs) {
        SavepointRestoreSettings restore =
            savepoints.containsKey(job.name())
                ? SavepointRestoreSettings.forPath(
                    savepoints.get(job.name()), allowNonRestoredState)
                : SavepointRestoreSettings.none();
        JobGraph graph = jobGraph(conf, jobJar.toFile(), job, programArgs, parallelism, restore);
        submitted.add(new Submitted(job.name(), client.submitJob(graph).get()));
      }
    }
    return submitted;
  }

  /**
   * The job graph of {@code job}, built by running its {@code main} from {@code jar} (from this
   * classpath when null), restoring from {@code restore}.
   */
  static JobGraph jobGraph(
      Configuration conf,
      File jar,
      StreamJobs.Job job,
      String[] programArgs,
      int parallelism,
      SavepointRestoreSettings restore)
      throws Exception {
    PackagedProgram program =
        PackagedProgram.newBuilder()
            .setJarFile(jar)
            .setEntryPointClassName(job.mainClass())
            .setArguments(programArgs)
            .setConfiguration(conf)
            .setSavepointRestoreSettings(restore)
            .build();
    try {
      return PackagedProgramUtils.createJobGraph(program, conf, parallelism, false);
    } finally {
      program.close();
    }
  }

  /** {@code flink} when it names a host, for the error message of a {@code --flink} without. */
  static URI requireHost(URI flink) {
    if (flink.getHost() == null) {
      throw new IllegalArgumentException(
          "--flink needs a host, e.g. http://127.0.0.1:8081, got '" + flink + "'");
    }
    return flink;
  }

  /**
   * The client configuration for the REST API at {@code flink}: address and port, and the job
   * settings every submission carries.
   */
  static Configuration clientConfiguration(URI flink) {
    Configuration conf = new Configuration();
    conf.set(RestOptions.ADDRESS, flink.getHost());
    conf.set(RestOptions.PORT, flink.getPort() > 0 ? flink.getPort() : 8081);
    // The job graph is built in this JVM, whose classpath also holds flink-connector-kafka and
    // kafka-clients (the launcher runs the same jobs locally). org.apache.flink.* always loads from
    // here, so kafka-clients must too: loaded child-first from the job jar, its classes clash with
    // the connector's (LinkageError: loader constraint violation on OffsetResetStrategy). Same
    // versions (kafka-clients 4.2.0 everywhere); on the cluster everything comes from the job jar.
    conf.set(
        CoreOptions.ALWAYS_PARENT_FIRST_LOADER_PATTERNS_ADDITIONAL, List.of("org.apache.kafka."));
    // The retention policy is part of the job graph built here, so the cluster's config.yaml
    // cannot set it for these jobs: keep the last checkpoints when a job is cancelled, so that it
    // can be resubmitted from one (--from-savepoint <checkpoint dir>) if a stop went wrong.
    conf.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    return conf;
  }

  /**
   * The {@code VOLTSTREAM_*} settings as the {@code --flags} the jobs' {@code main} accepts ({@code
   * VOLTSTREAM_INFLUX_URL=x} → {@code --influx-url=x}), sorted so a submission is reproducible.
   * {@code VOLTSTREAM_JAVA_OPTS} belongs to the launcher's own JVM and is not passed.
   */
  public static String[] programArgs(Map<String, String> env) {
    return env.entrySet().stream()
        .filter(
            e ->
                e.getKey().startsWith(Option.PREFIX)
                    && !e.getKey().equals(LauncherOptions.JAVA_OPTS.name()))
        .sorted(Map.Entry.comparingByKey())
        .map(
            e ->
                "--"
                    + e.getKey().substring(Option.PREFIX.length()).toLowerCase().replace('_', '-')
                    + "="
                    + e.getValue())
        .toArray(String[]::new);
  }
}
