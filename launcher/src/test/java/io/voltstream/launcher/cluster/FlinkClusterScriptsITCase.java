package io.voltstream.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.infra.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code flink-conf/start-cluster.sh} and {@code stop-cluster.sh} for real: the start script
 * returns only once a TaskManager is registered, and the stop script leaves neither process behind.
 */
class FlinkClusterScriptsITCase {

  @Test
  void shouldStartARegisteredClusterAndStopBothProcesses() throws Exception {
    Path root = ProjectLayout.root();
    Path dir = Files.createTempDirectory(ProjectLayout.moduleTarget(), "flink-scripts-");
    // The script resolves the classpath itself when DIR has none; reuse the resolved one to save a
    // Maven run.
    Files.writeString(
        dir.resolve("cp.txt"),
        ClusterClasspath.resolve(
            root, ProjectLayout.moduleTarget().resolve("flink-cluster/cp.txt")));
    int restPort = FreePorts.pick();
    List<Long> pids = new ArrayList<>();
    try {
      Result start =
          run(
              dir,
              root.resolve("flink-conf/start-cluster.sh").toString(),
              "--dir",
              dir.toString(),
              "--rest-port",
              String.valueOf(restPort),
              "--rpc-port",
              String.valueOf(FreePorts.pick()),
              "--blob-port",
              String.valueOf(FreePorts.pick()),
              "--slots",
              "1",
              "--tm-memory",
              "1280m");
      pids.add(Long.parseLong(Files.readString(dir.resolve("jobmanager.pid")).trim()));
      pids.add(Long.parseLong(Files.readString(dir.resolve("taskmanager.pid")).trim()));

      assertThat(start.exitCode()).as("start-cluster.sh output: %s", start.output()).isZero();
      assertThat(start.output()).contains("Flink cluster ready: http://127.0.0.1:" + restPort);
      assertThat(pids)
          .allSatisfy(
              pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true));
      assertThat(FreePorts.isAccepting("127.0.0.1", restPort)).isTrue();

      Result stop =
          run(dir, root.resolve("flink-conf/stop-cluster.sh").toString(), "--dir", dir.toString());

      assertThat(stop.exitCode()).as("stop-cluster.sh output: %s", stop.output()).isZero();
      assertThat(pids)
          .allSatisfy(
              pid ->
                  assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                      .as("pid %d alive", pid)
                      .isFalse());
      assertThat(FreePorts.isAccepting("127.0.0.1", restPort)).isFalse();
      assertThat(dir.resolve("jobmanager.pid")).doesNotExist();
      assertThat(dir.resolve("taskmanager.pid")).doesNotExist();
    } finally {
      // Whatever failed above, no Flink process of this test survives it.
      for (long pid : pids) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  private record Result(int exitCode, String output) {}

  private static Result run(Path dir, String... command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "script-", ".out");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return new Result(-1, "timed out; " + Files.readString(out));
    }
    return new Result(p.exitValue(), Files.readString(out));
  }
}
