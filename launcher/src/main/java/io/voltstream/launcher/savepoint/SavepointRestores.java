package io.voltstream.launcher.savepoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which savepoint each submitted job restores from, resolved from the values of {@code voltstream
 * submit --from-savepoint} so that the choice is never ambiguous:
 *
 * <ul>
 *   <li>{@code NAME=PATH} (repeatable): job {@code NAME} restores from the savepoint {@code PATH}
 *       (a local path or any URI the cluster can read);
 *   <li>{@code DIR}, a directory written by {@code voltstream stop --savepoint DIR}: every
 *       submitted job restores from its newest savepoint under {@code DIR/<job name>/} ({@link
 *       SavepointLayout}); a submitted job without one is an error, not a silent fresh start;
 *   <li>{@code PATH} of one savepoint (holding {@code _metadata}, or a non-local URI): only when
 *       exactly one job is submitted.
 * </ul>
 *
 * {@code NAME=PATH} values override what a {@code DIR} gives for that job.
 */
public final class SavepointRestores {
  private SavepointRestores() {}

  /**
   * The savepoint location of every job in {@code submitted}, by job name; empty when {@code
   * values} is empty (fresh start). {@code known} are every job's names (to tell {@code NAME=PATH}
   * from a path containing '=').
   *
   * @throws IllegalArgumentException naming the value or the job when the choice is ambiguous,
   *     names a job not submitted, or a submitted job has no savepoint
   */
  public static Map<String, String> resolve(
      List<String> values, List<String> submitted, Collection<String> known) {
    Map<String, String> byJob = new LinkedHashMap<>();
    Map<String, String> explicit = new LinkedHashMap<>();
    List<String> bare = new ArrayList<>();
    for (String value : values) {
      int eq = value.indexOf('=');
      String name = eq > 0 ? value.substring(0, eq) : null;
      if (name != null && known.contains(name)) {
        String path = value.substring(eq + 1);
        if (path.isBlank()) {
          throw new IllegalArgumentException("--from-savepoint " + value + ": no path after '='");
        }
        if (!submitted.contains(name)) {
          throw new IllegalArgumentException(
              "--from-savepoint " + value + ": job " + name + " is not submitted " + submitted);
        }
        if (explicit.put(name, path) != null) {
          throw new IllegalArgumentException("--from-savepoint names job " + name + " twice");
        }
      } else {
        bare.add(value);
      }
    }
    if (bare.size() > 1) {
      throw new IllegalArgumentException(
          "--from-savepoint takes one directory or savepoint without a job name, got " + bare);
    }
    if (!bare.isEmpty()) {
      byJob.putAll(fromBare(bare.get(0), submitted, explicit.keySet()));
    }
    byJob.putAll(explicit);
    return byJob;
  }

  private static Map<String, String> fromBare(
      String location, List<String> submitted, Collection<String> named) {
    Optional<Path> local = SavepointLayout.localPath(location);
    Map<String, String> byJob = new LinkedHashMap<>();
    if (local.isEmpty() || SavepointLayout.isSavepoint(local.get())) {
      List<String> rest = submitted.stream().filter(j -> !named.contains(j)).toList();
      if (rest.size() != 1) {
        throw new IllegalArgumentException(
            "--from-savepoint "
                + location
                + " is a single savepoint but "
                + rest.size()
                + " jobs "
                + rest
                + " would restore from it; use NAME=PATH per job or the directory of"
                + " stop --savepoint");
      }
      byJob.put(rest.get(0), location);
      return byJob;
    }
    Path dir = local.get();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "--from-savepoint " + location + ": no such savepoint or directory");
    }
    List<String> missing = new ArrayList<>();
    for (String job : submitted) {
      if (named.contains(job)) {
        continue;
      }
      SavepointLayout.latest(dir, job)
          .ifPresentOrElse(
              p -> byJob.put(job, p.toAbsolutePath().normalize().toString()),
              () -> missing.add(job));
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "--from-savepoint "
              + location
              + " holds no savepoint for "
              + missing
              + " (expected "
              + SavepointLayout.jobDirectory(dir, "<job>").resolve("savepoint-…")
              + " with a _metadata file, as stop --savepoint writes them); submit those jobs"
              + " separately without --from-savepoint to start them fresh");
    }
    return byJob;
  }
}
