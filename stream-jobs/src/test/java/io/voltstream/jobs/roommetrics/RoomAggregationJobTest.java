package io.voltstream.jobs.roommetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.jobs.io.JobsConfig;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/**
 * The launcher's path: wiring from config gives a job graph with stable uids and no Kryo fallback,
 * without servers.
 */
class RoomAggregationJobTest {

  @Test
  void shouldWireAJobGraphWithStableUidsAndNoGenericTypes() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    RoomAggregationJob.wireFromConfig(
        env, JobsConfig.fromEnv(Map.of(JobsConfig.CHECKPOINT_INTERVAL, "5s")));

    StreamGraph graph = env.getStreamGraph();

    assertThat(
            graph.getStreamNodes().stream()
                .map(StreamNode::getTransformationUID)
                .collect(Collectors.toSet()))
        .contains(
            "room-aggregation-readings-source",
            "room-aggregation-registry-source",
            "room-aggregation-assign-room",
            "room-aggregation-window",
            "room-aggregation-late-counter",
            "room-aggregation-influx-sink",
            "room-aggregation-kafka-sink",
            "room-aggregation-late-sink");
    assertThat(graph.getCheckpointConfig().getCheckpointInterval()).isEqualTo(5_000);
    assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
    assertThat(graph.getJobGraph().getNumberOfVertices()).isPositive();
  }

  @Test
  void shouldTakeWindowAndWatermarkSettingsFromTheSharedConfig() {
    var cfg =
        RoomAggregationJobConfig.fromEnv(
            Map.of(
                JobsConfig.WINDOW,
                "5m",
                JobsConfig.MAX_OUT_OF_ORDERNESS,
                "3s",
                JobsConfig.SOURCE_IDLENESS,
                "1m",
                JobsConfig.ALLOWED_LATENESS,
                "30s"));
    assertThat(cfg)
        .isEqualTo(
            new RoomAggregationJobConfig(
                Duration.ofMinutes(5),
                Duration.ofSeconds(3),
                Duration.ofMinutes(1),
                Duration.ofSeconds(30),
                Duration.ofMinutes(2)));
  }

  @Test
  void shouldNameTheVariableOfAnInvalidSetting() {
    assertThatThrownBy(
            () ->
                new RoomAggregationJobConfig(
                    Duration.ofMinutes(1),
                    Duration.ofSeconds(1),
                    Duration.ZERO,
                    Duration.ZERO,
                    Duration.ofMinutes(2)))
        .hasMessageContaining("VOLTSTREAM_SOURCE_IDLENESS");
    assertThatThrownBy(
            () ->
                new RoomAggregationJobConfig(
                    Duration.ofMinutes(1),
                    Duration.ofSeconds(-1),
                    Duration.ofSeconds(1),
                    Duration.ZERO,
                    Duration.ofMinutes(2)))
        .hasMessageContaining("VOLTSTREAM_MAX_OUT_OF_ORDERNESS");
    assertThatThrownBy(
            () ->
                new RoomAggregationJobConfig(
                    Duration.ofMinutes(1),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    Duration.ZERO,
                    Duration.ofSeconds(-1)))
        .hasMessageContaining("VOLTSTREAM_MAX_EVENT_TIME_AHEAD");
  }
}
