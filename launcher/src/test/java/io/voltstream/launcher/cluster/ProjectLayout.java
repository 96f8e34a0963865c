package io.voltstream.launcher.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the tests find the project: its root (with {@code flink-conf/}), this module's target dir,
 * the job jar.
 */
public final class ProjectLayout {
  private ProjectLayout() {}

  /** This module's directory: Maven's {@code basedir}, else the working directory. */
  public static Path moduleDir() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
  }

  public static Path moduleTarget() {
    return moduleDir().resolve("target");
  }

  /** The nearest directory at or above the module that holds {@code flink-conf/config.yaml}. */
  public static Path root() {
    for (Path dir = moduleDir(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("flink-conf/config.yaml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no flink-conf/config.yaml at or above " + moduleDir());
  }

  /**
   * The shaded job jar {@code stream-jobs/target/voltstream-stream-jobs-*-job.jar}; the reactor's
   * {@code package} phase of stream-jobs builds it before this module's integration tests run.
   */
  public static Path jobJar() {
    Path target = root().resolve("stream-jobs/target");
    try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
      return files
          .filter(p -> p.getFileName().toString().matches("voltstream-stream-jobs-.*-job\\.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no shaded job jar in "
                          + target
                          + "; build it with: mvn -pl stream-jobs -am -DskipTests package"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
