package io.voltstream.launcher.savepoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where {@code voltstream stop --savepoint DIR} puts each job's savepoint and where {@code
 * voltstream submit --from-savepoint DIR} finds it: {@code DIR/<job name>/savepoint-…/} (Flink
 * names the innermost directory; it holds the {@code _metadata} file). One directory per job name
 * keeps several jobs' savepoints apart: Flink job ids change on every submission, job names do not.
 */
public final class SavepointLayout {
  /** The file Flink writes last into a completed savepoint or retained checkpoint directory. */
  public static final String METADATA = "_metadata";

  private SavepointLayout() {}

  /** {@code DIR/<job>}: the target directory of {@code job}'s stop-with-savepoint. */
  public static Path jobDirectory(Path root, String job) {
    return root.resolve(job);
  }

  /**
   * The target directory as the JobManager needs it: an absolute {@code file:} URI (the JobManager
   * resolves relative paths against its own working directory).
   */
  public static String targetUri(Path root, String job) {
    return jobDirectory(root, job).toAbsolutePath().normalize().toUri().toString();
  }

  /** True when {@code dir} is itself a completed savepoint (holds {@code _metadata}). */
  public static boolean isSavepoint(Path dir) {
    return Files.isRegularFile(dir.resolve(METADATA));
  }

  /**
   * The newest completed savepoint of {@code job} under {@code root} (by the time its {@code
   * _metadata} was written), if any: after several {@code stop --savepoint} runs into the same
   * directory the last one wins.
   */
  public static Optional<Path> latest(Path root, String job) {
    Path dir = jobDirectory(root, job);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(SavepointLayout::isSavepoint)
          .max(Comparator.comparing(SavepointLayout::metadataTime));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** A local path or {@code file:} URI as a path; empty for other schemes (s3://, hdfs://…). */
  public static Optional<Path> localPath(String location) {
    if (!location.contains("://") && !location.startsWith("file:")) {
      return Optional.of(Path.of(location));
    }
    URI uri = URI.create(location);
    return "file".equals(uri.getScheme()) ? Optional.of(Path.of(uri)) : Optional.empty();
  }

  private static FileTime metadataTime(Path savepoint) {
    try {
      return Files.getLastModifiedTime(savepoint.resolve(METADATA));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + savepoint.resolve(METADATA), e);
    }
  }
}
