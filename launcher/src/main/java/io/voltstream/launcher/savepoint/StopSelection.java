package io.voltstream.launcher.savepoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which jobs of a session cluster {@code voltstream stop} stops: the running jobs whose Flink job
 * name is a Voltstream job's name ({@code room-aggregation}, …, or {@code voltstream-raw-readings},
 * the name the raw-readings {@code main} executes under), all of them or only those named with
 * {@code --job}. Jobs of other applications on the same cluster are never touched.
 */
public final class StopSelection {

  /** A job as the cluster lists it. */
  public record ClusterJob(String jobId, String flinkName, boolean running) {}

  /** A running cluster job and the Voltstream job name it runs. */
  public record Target(String jobId, String job) {}

  private StopSelection() {}

  /**
   * The Voltstream job name {@code flinkName} stands for, if any; {@code known} are the names of
   * {@code StreamJobs.ALL}.
   */
  public static Optional<String> voltstreamName(String flinkName, Collection<String> known) {
    if (known.contains(flinkName)) {
      return Optional.of(flinkName);
    }
    String prefix = "voltstream-";
    if (flinkName.startsWith(prefix) && known.contains(flinkName.substring(prefix.length()))) {
      return Optional.of(flinkName.substring(prefix.length()));
    }
    return Optional.empty();
  }

  /**
   * The running Voltstream jobs to stop: those in {@code requested} (every one when empty).
   *
   * @param oneEach true when every selected job name must run once (a savepoint directory per job
   *     name cannot hold two jobs' savepoints)
   * @throws IllegalArgumentException for a requested name that is not a Voltstream job, a requested
   *     job that is not running, or (with {@code oneEach}) a job name running twice
   */
  public static List<Target> select(
      Collection<ClusterJob> jobs,
      List<String> requested,
      Collection<String> known,
      boolean oneEach) {
    for (String name : requested) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("--job " + name + " is not one of " + known);
      }
    }
    List<Target> targets = new ArrayList<>();
    Map<String, Integer> counts = new HashMap<>();
    for (ClusterJob job : jobs) {
      if (!job.running()) {
        continue;
      }
      voltstreamName(job.flinkName(), known)
          .filter(name -> requested.isEmpty() || requested.contains(name))
          .ifPresent(
              name -> {
                targets.add(new Target(job.jobId(), name));
                counts.merge(name, 1, Integer::sum);
              });
    }
    List<String> absent = requested.stream().filter(n -> !counts.containsKey(n)).toList();
    if (!absent.isEmpty()) {
      throw new IllegalArgumentException("not running on the cluster: " + absent);
    }
    if (oneEach) {
      List<String> twice =
          counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
      if (!twice.isEmpty()) {
        throw new IllegalArgumentException(
            "running more than once: "
                + twice
                + "; their savepoints would share one directory, stop them by job id with the"
                + " Flink REST API");
      }
    }
    targets.sort(java.util.Comparator.comparing(Target::job));
    return targets;
  }
}
