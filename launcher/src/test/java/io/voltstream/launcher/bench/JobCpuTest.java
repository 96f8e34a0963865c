package io.voltstream.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobCpuTest {
  private static final JobCpu.Mapping MAPPING =
      new JobCpu.Mapping(
          Map.of(
              "Source: readings-source -> Sink: influx-writer", Set.of("raw-readings"),
              "Source: readings-source", Set.of("room-aggregation", "alerts"),
              "Window(room-metrics) -> Sink: Writer", Set.of("room-aggregation")),
          List.of("raw-readings", "room-aggregation", "alerts", "dispatch", "dispatch-x"),
          "voltstream-");

  @Test
  void shouldAttributeTaskThreadsByTheLongestVertexNameTheyContain() {
    assertThat(
            JobCpu.jobOf(
                ThreadCpu.withoutSubtask("Source: readings-source -> Sink: influx-writer (1/2)#0"),
                MAPPING))
        .isEqualTo("raw-readings");
    assertThat(
            JobCpu.jobOf(
                "Source Data Fetcher for Source: readings-source -> Sink: influx-writer", MAPPING))
        .isEqualTo("raw-readings");
    assertThat(JobCpu.jobOf("Window(room-metrics) -> Sink: Writer", MAPPING))
        .isEqualTo("room-aggregation");
  }

  @Test
  void shouldSayWhenAVertexNameIsSharedByJobs() {
    assertThat(JobCpu.jobOf("Source: readings-source", MAPPING))
        .isEqualTo("shared by alerts|room-aggregation");
  }

  @Test
  void shouldAttributeKafkaClientThreadsByConsumerGroup() {
    assertThat(JobCpu.jobOf("kafka-coordinator-heartbeat-thread | voltstream-dispatch-x", MAPPING))
        .isEqualTo("dispatch-x");
    assertThat(JobCpu.jobOf("kafka-coordinator-heartbeat-thread | voltstream-dispatch", MAPPING))
        .isEqualTo("dispatch");
    assertThat(JobCpu.jobOf("data-plane-kafka-request-handler-1", MAPPING)).isNull();
  }

  @Test
  void shouldSumCpuPerJobOverAnInterval() {
    ThreadCpu.Snapshot before =
        new ThreadCpu.Snapshot(
            0, Map.of(), Map.of("Window(room-metrics) -> Sink: Writer", 100_000_000L), 0);
    ThreadCpu.Snapshot after =
        new ThreadCpu.Snapshot(
            1_000_000_000L,
            Map.of(),
            Map.of(
                "Window(room-metrics) -> Sink: Writer", 300_000_000L,
                "Source: readings-source -> Sink: influx-writer", 50_000_000L,
                "ingest-dispatcher", 900_000_000L),
            0);
    Map<String, Double> byJob = JobCpu.between(before, after, MAPPING);
    assertThat(byJob).containsEntry("room-aggregation", 20.0).containsEntry("raw-readings", 5.0);
    assertThat(byJob.keySet()).first().isEqualTo("room-aggregation");
    assertThat(byJob).containsEntry("dispatch", 0.0).doesNotContainKey("ingest-dispatcher");
  }
}
