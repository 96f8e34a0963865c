package io.voltstream.jobs;

import io.voltstream.jobs.io.JobsConfig;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Settings every Voltstream job runs with: checkpointing at the configured interval, a few
 * tolerated checkpoint failures so that a slow InfluxDB does not restart the job, and {@code
 * pipeline.generic-types=false} so a Kryo fallback fails loudly at job build time.
 *
 * <p>Checkpoints are exactly-once (aligned barriers): an operator with several input channels (the
 * windows behind a keyBy) snapshots its state only when every channel delivered the barrier. With
 * at-least-once (unaligned tracking) a window's snapshot can already hold readings that come after
 * the barrier on one channel; a restore then replays them from Kafka into the restored window and
 * counts them twice. The sinks stay at-least-once (replayed output is idempotent), so the results
 * after a failover equal a run without one.
 *
 * <p>Checkpoints are retained when the job is cancelled (and, like every checkpoint, when its
 * process is killed): the last {@link #RETAINED_CHECKPOINTS} complete ones stay in the checkpoint
 * directory, so the launcher can resume the job from the latest (launcher README, "State that
 * survives"). Flink deletes older ones as new ones complete, which bounds the disk they use.
 */
public final class JobEnvironment {
  /** Checkpoints that may fail (e.g. time out while InfluxDB is down) before the job restarts. */
  public static final int TOLERABLE_CHECKPOINT_FAILURES = 10;

  /**
   * Complete checkpoints kept per job: more than one, so a checkpoint damaged on disk still leaves
   * an older one to resume from; few, because each is a full copy of the heap state.
   */
  public static final int RETAINED_CHECKPOINTS = 3;

  private JobEnvironment() {}

  public static StreamExecutionEnvironment configure(
      StreamExecutionEnvironment env, JobsConfig cfg) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    // The JobManager may take this from its own configuration rather than the job's: the launcher's
    // MiniCluster sets it there too (LocalFlinkCluster), a cluster in flink-conf/config.yaml.
    conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, RETAINED_CHECKPOINTS);
    env.configure(conf);
    env.enableCheckpointing(cfg.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    env.getCheckpointConfig().setTolerableCheckpointFailureNumber(TOLERABLE_CHECKPOINT_FAILURES);
    env.getCheckpointConfig()
        .setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    return env;
  }
}
