package io.voltstream.launcher.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The classpath of the JobManager and TaskManager processes: {@code
 * flink-conf/cluster-classpath/pom.xml} resolved by {@code mvn dependency:build-classpath} (the
 * same file {@code start-cluster.sh} uses), cached in a file that is refreshed when the pom
 * changes. Offline first, then online.
 */
final class ClusterClasspath {
  private ClusterClasspath() {}

  static synchronized String resolve(Path projectRoot, Path cacheFile) {
    Path pom = projectRoot.resolve("flink-conf/cluster-classpath/pom.xml");
    try {
      if (!Files.isRegularFile(cacheFile)
          || Files.size(cacheFile) == 0
          || Files.getLastModifiedTime(pom).compareTo(Files.getLastModifiedTime(cacheFile)) > 0) {
        Files.createDirectories(cacheFile.getParent());
        Path log = cacheFile.resolveSibling("cluster-classpath-mvn.log");
        if (!runMaven(pom, cacheFile, log, true) && !runMaven(pom, cacheFile, log, false)) {
          throw new IllegalStateException(
              "mvn dependency:build-classpath failed for " + pom + ", see " + log);
        }
      }
      return Files.readString(cacheFile).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean runMaven(Path pom, Path output, Path log, boolean offline)
      throws IOException {
    List<String> command =
        new ArrayList<>(List.of(System.getenv().getOrDefault("VOLTSTREAM_MVN", "mvn"), "-q", "-B"));
    if (offline) {
      command.add("-o");
    }
    command.addAll(
        List.of(
            "-f",
            pom.toString(),
            "dependency:build-classpath",
            "-Dmdep.outputFile=" + output,
            "-DincludeScope=runtime"));
    Process mvn =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      if (!mvn.waitFor(5, TimeUnit.MINUTES)) {
        mvn.destroyForcibly();
        return false;
      }
      return mvn.exitValue() == 0 && Files.isRegularFile(output) && Files.size(output) > 0;
    } catch (InterruptedException e) {
      mvn.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while resolving the Flink classpath", e);
    }
  }
}
