package io.voltstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {
  @TempDir Path dir;

  @Test
  void shouldEndAStartFailureWithTheLastLinesOfTheLog() {
    ManagedProcess process =
        new ManagedProcess(
            "failing",
            List.of("sh", "-c", "echo first; echo 'fatal: bad config'; exit 3"),
            dir.resolve("failing.log"));
    process.start();
    assertThat(Waits.until(() -> !process.isAlive(), Duration.ofSeconds(10))).isTrue();

    InfraException failure = process.startFailure("did not start");

    assertThat(failure.getMessage())
        .startsWith("failing did not start")
        .contains("failing.log")
        .contains("fatal: bad config");
  }

  @Test
  void shouldKillAProcessThatIgnoresSigterm() {
    ManagedProcess process =
        new ManagedProcess(
            "stubborn",
            List.of("sh", "-c", "trap '' TERM; echo ready; while true; do sleep 1; done"),
            dir.resolve("stubborn.log"));
    process.start();
    long pid = process.pid().orElseThrow();
    assertThat(Waits.until(() -> process.logTail(1).equals("ready"), Duration.ofSeconds(10)))
        .isTrue();

    long started = System.nanoTime();
    process.stop(Duration.ofMillis(300));

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(process.isAlive()).isFalse();
    assertThat(ProcessStats.isAlive(pid)).isFalse();
  }

  @Test
  void shouldAppendToTheLogAcrossRestarts() {
    ManagedProcess process =
        new ManagedProcess("echo", List.of("sh", "-c", "echo run"), dir.resolve("echo.log"));
    process.start();
    Waits.until(() -> !process.isAlive(), Duration.ofSeconds(10));
    process.start();
    Waits.until(() -> !process.isAlive(), Duration.ofSeconds(10));

    assertThat(process.logTail(10)).isEqualTo("run" + System.lineSeparator() + "run");
  }
}
