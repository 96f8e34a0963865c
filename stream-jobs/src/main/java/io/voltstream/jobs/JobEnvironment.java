package io.voltstream.jobs;

import io.voltstream.jobs.io.JobsConfig;
import org.apache.flink.configuration.Configuration;
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
 */
public final class JobEnvironment {
  /** Checkpoints that may fail (e.g. time out while InfluxDB is down) before the job restarts. */
  public static final int TOLERABLE_CHECKPOINT_FAILURES = 10;

  private JobEnvironment() {}

  public static StreamExecutionEnvironment configure(
      StreamExecutionEnvironment env, JobsConfig cfg) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    env.configure(conf);
    env.enableCheckpointing(cfg.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    env.getCheckpointConfig().setTolerableCheckpointFailureNumber(TOLERABLE_CHECKPOINT_FAILURES);
    return env;
  }
}
