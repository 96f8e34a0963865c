package io.voltstream.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Stops the Voltstream jobs running on a Flink session cluster ({@link JobStopper}): with {@code
 * --savepoint DIR} each job stops with a savepoint under {@code DIR/<job name>/} and its path is
 * printed, so that {@code voltstream submit --all --from-savepoint DIR} resumes every job where it
 * stopped (the upgrade path, {@code flink-conf/README.md}); without, the jobs are cancelled.
 */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description =
        "Stop the Flink jobs on a Flink cluster (REST), e.g. stop --flink http://jm:8081"
            + " --savepoint /srv/voltstream/savepoints/2026-11-30")
final class StopCommand implements Callable<Integer> {

  @Mixin FlinkRestOption cluster;

  @Option(
      names = "--savepoint",
      paramLabel = "DIR",
      description =
          "Stop with a savepoint, each job's under DIR/<job name>/ (a path the JobManager can"
              + " write); without it, the jobs are cancelled.")
  Path savepoint;

  @Option(
      names = "--job",
      split = ",",
      description = "Jobs to stop (default: every Voltstream job running on the cluster).")
  List<String> jobs = new ArrayList<>();

  @Option(
      names = "--timeout",
      defaultValue = "PT10M",
      description =
          "Longest wait per job for its savepoint and its end, ISO-8601 (default"
              + " ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    for (JobStopper.Stopped job :
        new JobStopper(cluster.flink, timeout).stop(jobs, Optional.ofNullable(savepoint))) {
      System.out.println(
          job.savepoint()
              .map(
                  path -> "stopped " + job.name() + " (" + job.jobId() + ") with savepoint " + path)
              .orElse("cancelled " + job.name() + " (" + job.jobId() + "): " + job.status()));
    }
    return 0;
  }
}
