package io.voltstream.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

  @Test
  void shouldGroupFlinkSubtasksAndNumberedThreadsIntoOneFamily() {
    assertThat(ThreadCpu.family("Source: readings-source (1/2)#0"))
        .isEqualTo(ThreadCpu.family("Source: readings-source (2/2)#0"))
        .isEqualTo("Source: readings-source");
    assertThat(ThreadCpu.family("data-plane-kafka-request-handler-7"))
        .isEqualTo("data-plane-kafka-request-handler-#");
  }

  @Test
  void shouldRankFamiliesByCpuShareOverTheInterval() {
    ThreadCpu.Snapshot before =
        new ThreadCpu.Snapshot(0, Map.of("a", 0L, "b", 100_000_000L), Map.of(), 0);
    ThreadCpu.Snapshot after =
        new ThreadCpu.Snapshot(
            1_000_000_000L,
            Map.of("a", 250_000_000L, "b", 900_000_000L, "c", 50_000_000L),
            Map.of(),
            100);
    var top = ThreadCpu.top(before, after, 2);
    assertThat(top).extracting(ThreadCpu.Share::family).containsExactly("b", "a");
    assertThat(top.get(0).cpuPercent()).isEqualTo(80.0);
    assertThat(ThreadCpu.gcPercent(before, after)).isEqualTo(10.0);
  }
}
