package io.voltstream.launcher;

import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.roommetrics.RoomMetricsReplay;
import io.voltstream.jobs.roommetrics.logic.ReplayRange;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Reprocesses an event-time range of {@code readings} through the room aggregation into a fresh
 * InfluxDB database ({@link RoomMetricsReplay}), as a bounded job on an in-process MiniCluster;
 * exits when the job is done and prints what it wrote. With the versioned registry the replay's
 * {@code room_metrics} equal the live run's (stream-jobs README, "Versioned registry").
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description =
        "Reprocess readings of [--from, --to) through the room aggregation into a fresh InfluxDB"
            + " database, e.g. replay --from 2026-01-05T10:00:00Z --to 2026-01-05T12:00:00Z"
            + " --influx-db replay1")
final class ReplayCommand implements Callable<Integer> {
  @Mixin ConnectionOptions options;

  @Option(
      names = "--from",
      required = true,
      description = "Start of the event-time range (ISO-8601 instant, rounded down to a window).")
  Instant from;

  @Option(
      names = "--to",
      required = true,
      description = "End of the event-time range, exclusive (rounded up to a window).")
  Instant to;

  @Option(
      names = "--parallelism",
      defaultValue = "2",
      description = "Parallelism of the replay job (default ${DEFAULT-VALUE}).")
  int parallelism;

  @Override
  public Integer call() throws Exception {
    if (options.influxDb == null || options.influxDb.isBlank()) {
      throw new IllegalArgumentException(
          "--influx-db is required: the replay writes into a fresh database");
    }
    JobsConfig cfg = JobsConfig.fromEnv(options.environment());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    RoomMetricsReplay.Result result = RoomMetricsReplay.run(env, cfg, new ReplayRange(from, to));
    System.out.printf(
        "replayed %d readings of [%s, %s) into InfluxDB database %s: %d room_metrics points%n",
        result.readings(),
        result.range().from(),
        result.range().to(),
        cfg.influxDb(),
        result.points());
    return 0;
  }
}
