package io.voltstream.jobs.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.model.SystemEvent;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** Wiring from config gives a job graph with stable uids and no Kryo fallback, without servers. */
class AlertJobTest {

  @Test
  void shouldWireAJobGraphWithStableUidsAndNoGenericTypes() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Map<String, String> vars = Map.of(JobsConfig.CHECKPOINT_INTERVAL, "5s");
    AlertJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars);

    StreamGraph graph = env.getStreamGraph();

    assertThat(
            graph.getStreamNodes().stream()
                .map(StreamNode::getTransformationUID)
                .collect(Collectors.toSet()))
        .contains(
            "alerts-readings-source",
            "alerts-sensor-silence",
            "alerts-room-metrics-source",
            "alerts-comfort",
            "alerts-late-source",
            "alerts-late-bursts",
            "alerts-influx-sink",
            "alerts-kafka-sink");
    assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
    assertThat(graph.getJobGraph().getNumberOfVertices()).isPositive();
  }

  @Test
  void shouldKeyEventsByRoomThenSensorThenKind() {
    assertThat(AlertJob.eventKey(event("kitchen", "m1"))).isEqualTo("kitchen");
    assertThat(AlertJob.eventKey(event(null, "m1"))).isEqualTo("m1");
    assertThat(AlertJob.eventKey(event(null, null))).isEqualTo("co2_high");
  }

  private static SystemEvent event(String room, String sensor) {
    return new SystemEvent(
        "id",
        java.time.Instant.EPOCH,
        "co2_high",
        SystemEvent.Severity.INFO,
        room,
        sensor,
        "m",
        1.0,
        1.0);
  }
}
