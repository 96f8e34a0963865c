package io.voltstream.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessHygieneITCase {
  @TempDir Path tempDir;

  @Test
  void shouldKillChildServersWhenTheOwningJvmIsTerminated() throws Exception {
    Process jvm = startProbe();
    List<Long> pids;
    try {
      pids = childPids(jvm);
      jvm.destroy(); // SIGTERM, as Ctrl-C or a CI timeout would send
      assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      jvm.destroyForcibly();
    }

    assertThat(
            Waits.until(
                () -> pids.stream().noneMatch(ProcessStats::isAlive), Duration.ofSeconds(5)))
        .as("mosquitto and influxd pids %s are gone", pids)
        .isTrue();
  }

  /**
   * SIGKILL runs no shutdown hook, so the servers outlive their JVM; the next start on the same
   * directories stops them and takes over (launcher README, "State that survives").
   */
  @Test
  void shouldStopServersLeftRunningByAKilledJvmWhenStartedAgainOnTheirDirectories()
      throws Exception {
    Process jvm = startProbe();
    List<Long> orphans;
    try {
      orphans = childPids(jvm);
    } finally {
      jvm.destroyForcibly(); // SIGKILL
    }
    assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(orphans)
        .as("kill -9 leaves the children running")
        .allSatisfy(pid -> assertThat(ProcessStats.isAlive(pid)).isTrue());

    try (MosquittoBroker mqtt = MosquittoBroker.start(tempDir.resolve("mqtt"), 0);
        InfluxServer influx = InfluxServer.start(tempDir.resolve("influx"), 0)) {
      assertThat(orphans).noneMatch(ProcessStats::isAlive);
      assertThat(mqtt.isRunning()).isTrue();
      assertThat(influx.ping()).isTrue();
    } finally {
      orphans.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
  }

  private Process startProbe() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            ShutdownHookProbe.class.getName(),
            tempDir.toString())
        .redirectErrorStream(true)
        .start();
  }

  /** The mosquitto and influxd pids the probe prints once both are up. */
  private static List<Long> childPids(Process jvm) throws IOException {
    List<Long> pids = new ArrayList<>();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("PIDS ")) {
        for (String pid : line.substring(5).split(" ")) {
          pids.add(Long.parseLong(pid));
        }
        break;
      }
    }
    assertThat(pids).hasSize(2);
    assertThat(pids).allSatisfy(pid -> assertThat(ProcessStats.isAlive(pid)).isTrue());
    return pids;
  }

  @Test
  void shouldIncludeTheServerLogWhenInfluxdCannotStart() throws Exception {
    Path dir = tempDir.resolve("influx");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("meta"), "a file where influxd needs its meta directory");

    assertThatThrownBy(() -> InfluxServer.start(dir, 0))
        .isInstanceOf(InfraException.class)
        .hasMessageContaining("influxd.log")
        .hasMessageContaining("meta");
  }
}
