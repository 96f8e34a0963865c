package io.voltstream.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
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
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process jvm =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ShutdownHookProbe.class.getName(),
                tempDir.toString())
            .redirectErrorStream(true)
            .start();
    List<Long> pids = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
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
