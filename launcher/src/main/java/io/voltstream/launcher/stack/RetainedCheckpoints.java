package io.voltstream.launcher.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;

/**
 * The checkpoints Flink retained for one job in its stable directory {@code
 * <dataDir>/flink/checkpoints/<job-name>/}: Flink writes each run (one job id per submission) to
 * {@code <job-id>/chk-<n>/}, and a checkpoint is complete only once its {@code _metadata} file
 * exists (a kill -9 in the middle of a checkpoint leaves a {@code chk-<n>} directory without it).
 *
 * <p>The latest complete checkpoint is the one whose {@code _metadata} was written last, across
 * runs: checkpoint numbers restart at 1 in a run that did not restore, so they do not order runs.
 */
public final class RetainedCheckpoints {
  /** The file Flink writes last, which makes a checkpoint directory restorable. */
  static final String METADATA = "_metadata";

  private static final Pattern CHECKPOINT_DIR = Pattern.compile("chk-(\\d+)");
  // Flink's JobID in hex: only directories named like that are runs this class may delete.
  private static final Pattern RUN_DIR = Pattern.compile("[0-9a-f]{32}");

  private final Path jobDir;

  /** A complete checkpoint: its directory (what a restore is given), number and completion time. */
  public record Checkpoint(Path dir, long number, FileTime completedAt) {
    /** The run (Flink job id directory) this checkpoint belongs to. */
    public Path runDir() {
      return dir.getParent();
    }
  }

  public RetainedCheckpoints(Path jobDir) {
    this.jobDir = jobDir;
  }

  public Path jobDir() {
    return jobDir;
  }

  /** The complete checkpoint written last, or empty when the job has none. */
  public Optional<Checkpoint> latestComplete() {
    return complete().stream()
        .max(
            Comparator.comparing(Checkpoint::completedAt)
                .thenComparingLong(Checkpoint::number)
                .thenComparing(c -> c.dir().toString()));
  }

  /** Every complete checkpoint of every run of this job, in no particular order. */
  public List<Checkpoint> complete() {
    return runDirs().stream().flatMap(RetainedCheckpoints::completeIn).toList();
  }

  /**
   * Deletes every run directory except {@code keep}: older runs, and runs killed before they
   * completed a checkpoint. Keeps the job's checkpoint storage bounded across restarts (Flink
   * bounds the checkpoints within one run only). Returns the deleted directories.
   */
  public List<Path> deleteRunsOtherThan(Optional<Path> keep) {
    List<Path> doomed =
        runDirs().stream().filter(run -> keep.map(k -> !k.equals(run)).orElse(true)).toList();
    doomed.forEach(RetainedCheckpoints::deleteTree);
    return doomed;
  }

  private List<Path> runDirs() {
    if (!Files.isDirectory(jobDir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(jobDir)) {
      return children
          .filter(Files::isDirectory)
          .filter(p -> RUN_DIR.matcher(p.getFileName().toString()).matches())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + jobDir, e);
    }
  }

  private static Stream<Checkpoint> completeIn(Path runDir) {
    try (Stream<Path> children = Files.list(runDir)) {
      return children
          .map(RetainedCheckpoints::asCompleteCheckpoint)
          .flatMap(Optional::stream)
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + runDir, e);
    }
  }

  private static Optional<Checkpoint> asCompleteCheckpoint(Path dir) {
    Matcher m = CHECKPOINT_DIR.matcher(dir.getFileName().toString());
    Path metadata = dir.resolve(METADATA);
    if (!m.matches() || !Files.isRegularFile(metadata)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Checkpoint(dir, Long.parseLong(m.group(1)), Files.getLastModifiedTime(metadata)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + metadata, e);
    }
  }

  private static void deleteTree(Path root) {
    try {
      PathUtils.deleteDirectory(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
