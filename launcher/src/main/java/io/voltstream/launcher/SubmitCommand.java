package io.voltstream.launcher;

import io.voltstream.config.ConfigReader;
import io.voltstream.launcher.config.LauncherOptions;
import io.voltstream.launcher.savepoint.SavepointRestores;
import io.voltstream.launcher.stack.StreamJobs;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Submits Voltstream jobs to a running Flink session cluster through its REST API, from the shaded
 * job jar ({@code stream-jobs/target/voltstream-stream-jobs-*-job.jar}), with {@link JobSubmitter}.
 * The job settings travel as program arguments ({@code --kafka-bootstrap=…}), so the cluster needs
 * no Voltstream environment.
 */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description =
        "Submit the Flink jobs to a Flink cluster (REST), e.g. submit --flink http://jm:8081 --all")
final class SubmitCommand implements Callable<Integer> {
  @Mixin ConnectionOptions options;

  @Mixin FlinkRestOption cluster;

  @Option(
      names = "--job",
      split = ",",
      description =
          "Jobs to submit: raw-readings, room-aggregation, alerts, dispatch, command-status,"
              + " battery-state.")
  List<String> jobs = new ArrayList<>();

  @Option(names = "--all", description = "Submit every job.")
  boolean all;

  @Option(
      names = "--jar",
      description =
          "Job jar (default: the shaded stream-jobs jar under stream-jobs/target or"
              + " $VOLTSTREAM_JOB_JAR).")
  Path jar;

  @Option(
      names = "--parallelism",
      defaultValue = "2",
      description = "Job parallelism (default ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(
      names = "--from-savepoint",
      paramLabel = "DIR|NAME=PATH|PATH",
      description =
          "Restore from savepoints: DIR as written by stop --savepoint DIR (each job from its"
              + " newest savepoint under DIR/<job name>/), NAME=PATH for one job (repeatable),"
              + " or the PATH of one savepoint when one job is submitted.")
  List<String> fromSavepoint = new ArrayList<>();

  @Option(
      names = "--allow-non-restored-state",
      description =
          "Restore even when the savepoint holds state of an operator the new job no longer has"
              + " (that state is dropped).")
  boolean allowNonRestoredState;

  @Override
  public Integer call() throws Exception {
    List<StreamJobs.Job> selected =
        StreamJobs.ALL.stream().filter(j -> all || jobs.contains(j.name())).toList();
    if (selected.isEmpty()) {
      throw new IllegalArgumentException(
          "name jobs with --job (" + StreamJobs.names() + ") or use --all");
    }
    Path jobJar = jar != null ? jar : findJobJar();
    Map<String, String> savepoints =
        SavepointRestores.resolve(
            fromSavepoint,
            selected.stream().map(StreamJobs.Job::name).toList(),
            StreamJobs.names());
    JobSubmitter submitter = new JobSubmitter(cluster.flink, jobJar, parallelism);
    for (JobSubmitter.Submitted job :
        submitter.submit(
            selected,
            JobSubmitter.programArgs(options.environment()),
            savepoints,
            allowNonRestoredState)) {
      System.out.println(
          "submitted "
              + job.name()
              + " as "
              + job.jobId()
              + (savepoints.containsKey(job.name())
                  ? " from savepoint " + savepoints.get(job.name())
                  : ""));
    }
    return 0;
  }

  private static Path findJobJar() throws Exception {
    List<Path> places = new ArrayList<>();
    new ConfigReader(System.getenv()).find(LauncherOptions.JOB_JAR).ifPresent(places::add);
    places.add(Path.of("stream-jobs", "target"));
    for (Path place : places) {
      if (Files.isRegularFile(place)) {
        return place;
      }
      if (Files.isDirectory(place)) {
        try (Stream<Path> files = Files.list(place)) {
          var found =
              files.filter(p -> p.getFileName().toString().endsWith("-job.jar")).findFirst();
          if (found.isPresent()) {
            return found.get();
          }
        }
      }
    }
    throw new IllegalStateException(
        "no job jar found in "
            + places
            + File.pathSeparator
            + " build it with: mvn -pl stream-jobs -am -DskipTests package, or pass --jar");
  }
}
