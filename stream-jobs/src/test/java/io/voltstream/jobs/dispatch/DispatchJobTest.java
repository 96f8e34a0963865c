package io.voltstream.jobs.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.jobs.io.JobsConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

class DispatchJobTest {

  @Test
  void shouldWireAJobGraphWhereEveryOperatorHasAStableUidAndNoGenericTypes() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Map<String, String> vars = Map.of(JobsConfig.CHECKPOINT_INTERVAL, "5s");
    DispatchJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars);

    StreamGraph graph = env.getStreamGraph();

    assertThat(graph.getStreamNodes())
        .allSatisfy(
            n ->
                assertThat(n.getTransformationUID())
                    .as(n.getOperatorName())
                    .isNotNull()
                    .contains("dispatch-")); // sink parts: "Sink Committer: dispatch-…"
    assertThat(
            graph.getStreamNodes().stream()
                .map(StreamNode::getTransformationUID)
                .filter(Objects::nonNull))
        .contains(
            "dispatch-readings-source",
            "dispatch-battery-state-source",
            "dispatch-commands-source",
            "dispatch-forecasts-source",
            "dispatch-trades-source",
            "dispatch-trade-legs",
            "dispatch-registry-source",
            "dispatch-assign-room",
            "dispatch-battery-building",
            "dispatch-decide",
            "dispatch-influx-sink",
            "dispatch-kafka-sink");
    assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
    assertThat(graph.getJobGraph().getNumberOfVertices()).isPositive();
  }

  @Test
  void shouldReadItsOptionsAndRejectIntervalsThatMissTheQuarterHour() {
    Map<String, String> vars =
        Map.of(
            DispatchOptions.INTERVAL.name(),
            "5s",
            DispatchOptions.COMMAND_VALIDITY.name(),
            "20s",
            DispatchOptions.STALE_AFTER.name(),
            "2m");
    DispatchJobConfig cfg = DispatchJobConfig.from(JobsConfig.fromEnv(vars), vars);
    assertThat(cfg.interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(cfg.commandValidity()).isEqualTo(Duration.ofSeconds(20));
    assertThat(cfg.staleAfter()).isEqualTo(Duration.ofMinutes(2));
    assertThat(DispatchJobConfig.from(JobsConfig.fromEnv(Map.of()), Map.of()))
        .isEqualTo(DispatchJobConfig.defaults());

    Map<String, String> odd = Map.of(DispatchOptions.INTERVAL.name(), "7s");
    assertThatThrownBy(() -> DispatchJobConfig.from(JobsConfig.fromEnv(odd), odd))
        .hasMessageContaining("VOLTSTREAM_DISPATCH_INTERVAL");
    Map<String, String> short_ = Map.of(DispatchOptions.COMMAND_VALIDITY.name(), "10s");
    assertThatThrownBy(() -> DispatchJobConfig.from(JobsConfig.fromEnv(short_), short_))
        .hasMessageContaining("VOLTSTREAM_DISPATCH_COMMAND_VALIDITY");
  }
}
