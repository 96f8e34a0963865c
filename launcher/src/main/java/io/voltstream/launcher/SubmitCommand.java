package io.voltstream.launcher;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.deployment.StandaloneClusterId;
import org.apache.flink.client.program.PackagedProgram;
import org.apache.flink.client.program.PackagedProgramUtils;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Submits Voltstream jobs to a running Flink session cluster through its REST API, from the shaded
 * job jar ({@code stream-jobs/target/voltstream-stream-jobs-*-job.jar}). The job settings travel as
 * program arguments ({@code --kafka-bootstrap=…}), so the cluster needs no Voltstream environment.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
    description = "Submit the Flink jobs to a Flink cluster (REST), e.g. submit --flink http://jm:8081 --all")
final class SubmitCommand implements Callable<Integer> {
  @Mixin ConnectionOptions options;

  @Option(names = "--flink", required = true, description = "Flink REST address, e.g. http://127.0.0.1:8081")
  URI flink;

  @Option(names = "--job", split = ",", description = "Jobs to submit: raw-readings, room-aggregation, alerts.")
  List<String> jobs = new ArrayList<>();

  @Option(names = "--all", description = "Submit every job.")
  boolean all;

  @Option(names = "--jar", description = "Job jar (default: the shaded stream-jobs jar under stream-jobs/target or $VOLTSTREAM_JOB_JAR).")
  Path jar;

  @Option(names = "--parallelism", defaultValue = "2", description = "Job parallelism (default ${DEFAULT-VALUE}).")
  int parallelism;

  @Override
  public Integer call() throws Exception {
    List<StreamJobs.Job> selected = StreamJobs.ALL.stream()
        .filter(j -> all || jobs.contains(j.name())).toList();
    if (selected.isEmpty()) {
      throw new IllegalArgumentException("name jobs with --job (" + StreamJobs.names() + ") or use --all");
    }
    Path jobJar = jar != null ? jar : findJobJar();
    Configuration conf = new Configuration();
    conf.set(RestOptions.ADDRESS, flink.getHost());
    conf.set(RestOptions.PORT, flink.getPort() > 0 ? flink.getPort() : 8081);
    String[] programArgs = programArgs(options.environment());
    try (RestClusterClient<StandaloneClusterId> client = new RestClusterClient<>(conf, StandaloneClusterId.getInstance())) {
      for (StreamJobs.Job job : selected) {
        PackagedProgram program = PackagedProgram.newBuilder()
            .setJarFile(jobJar.toFile())
            .setEntryPointClassName(job.mainClass())
            .setArguments(programArgs)
            .build();
        JobGraph graph = PackagedProgramUtils.createJobGraph(program, conf, parallelism, false);
        JobID id = client.submitJob(graph).get();
        System.out.println("submitted " + job.name() + " as " + id);
      }
    }
    return 0;
  }

  /** Passes the VOLTSTREAM_* settings as --flags, the form the jobs' main() accepts. */
  private static String[] programArgs(Map<String, String> env) {
    return env.entrySet().stream()
        .filter(e -> e.getKey().startsWith("VOLTSTREAM_") && !e.getKey().equals("VOLTSTREAM_JAVA_OPTS"))
        .map(e -> "--" + e.getKey().substring("VOLTSTREAM_".length()).toLowerCase().replace('_', '-') + "=" + e.getValue())
        .toArray(String[]::new);
  }

  private static Path findJobJar() throws Exception {
    String fromEnv = System.getenv("VOLTSTREAM_JOB_JAR");
    List<Path> places = new ArrayList<>();
    if (fromEnv != null) {
      places.add(Path.of(fromEnv));
    }
    places.add(Path.of("stream-jobs", "target"));
    for (Path place : places) {
      if (Files.isRegularFile(place)) {
        return place;
      }
      if (Files.isDirectory(place)) {
        try (Stream<Path> files = Files.list(place)) {
          var found = files.filter(p -> p.getFileName().toString().endsWith("-job.jar")).findFirst();
          if (found.isPresent()) {
            return found.get();
          }
        }
      }
    }
    throw new IllegalStateException("no job jar found in " + places + File.pathSeparator
        + " build it with: mvn -pl stream-jobs -am -DskipTests package, or pass --jar");
  }
}
