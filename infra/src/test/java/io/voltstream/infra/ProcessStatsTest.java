package io.voltstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProcessStatsTest {
  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

  @Test
  void shouldParseCpuTimeAfterACommandNameWithSpacesAndParentheses() {
    String stat =
        "1234 (my (odd) cmd) S 1 1234 1234 0 -1 4194560 500 0 0 0 "
            + "250 150 0 0 20 0 12 0 100 1000000 2000 18446744073709551615";

    // utime 250 + stime 150 ticks at 100 ticks/s
    assertThat(ProcessStats.parseCpuTime(stat)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void shouldParseResidentSetSizeInBytes() {
    String status = "Name:\tjava\nVmPeak:\t  999 kB\nVmRSS:\t   2048 kB\nThreads:\t12\n";

    assertThat(ProcessStats.parseRssBytes(status)).isEqualTo(2048L * 1024);
  }

  @Test
  void shouldReportZeroRssWhenTheKernelGivesNone() {
    assertThat(ProcessStats.parseRssBytes("Name:\tkthreadd\nState:\tS\n")).isZero();
  }

  @Test
  void shouldComputeCpuPercentOfOneCore() {
    var before = new ProcessStats.Sample(1, T0, 0, Duration.ofSeconds(10));
    var after = new ProcessStats.Sample(1, T0.plusSeconds(2), 0, Duration.ofSeconds(13));

    assertThat(ProcessStats.cpuPercent(before, after)).isEqualTo(150.0);
  }

  @Test
  void shouldSampleThisJvm() {
    ProcessStats.Sample self = ProcessStats.self();

    assertThat(self.rssBytes()).isGreaterThan(10L * 1024 * 1024);
    assertThat(self.cpuTime()).isPositive();
  }

  @Test
  void shouldReturnEmptyForAPidThatDoesNotExist() {
    assertThat(ProcessStats.sample(Integer.MAX_VALUE)).isEmpty();
    assertThat(ProcessStats.isAlive(Integer.MAX_VALUE)).isFalse();
  }

  @Test
  void shouldCountThreadsAndOpenFileDescriptorsOfALiveProcessAndNoneOfAnAbsentOne()
      throws Exception {
    long self = ProcessHandle.current().pid();
    int fdsBefore = ProcessStats.openFds(self);
    try (var extra =
        java.nio.channels.FileChannel.open(java.nio.file.Path.of("/proc/self/status"))) {
      assertThat(ProcessStats.openFds(self)).isGreaterThan(fdsBefore);
    }
    assertThat(ProcessStats.threads(self)).isGreaterThanOrEqualTo(2); // main + JVM housekeeping
    assertThat(ProcessStats.threads(Long.MAX_VALUE)).isEqualTo(-1);
    assertThat(ProcessStats.openFds(Long.MAX_VALUE)).isEqualTo(-1);
  }
}
