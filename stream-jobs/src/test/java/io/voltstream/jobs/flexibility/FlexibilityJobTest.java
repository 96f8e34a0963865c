package io.voltstream.jobs.flexibility;

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

class FlexibilityJobTest {

  @Test
  void shouldWireAJobGraphWhereEveryOperatorHasAStableUidAndNoGenericTypes() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Map<String, String> vars = Map.of(JobsConfig.CHECKPOINT_INTERVAL, "5s");
    FlexibilityJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars);

    StreamGraph graph = env.getStreamGraph();

    assertThat(graph.getStreamNodes())
        .allSatisfy(
            n ->
                assertThat(n.getTransformationUID())
                    .as(n.getOperatorName())
                    .isNotNull()
                    .contains("flexibility-"));
    assertThat(
            graph.getStreamNodes().stream()
                .map(StreamNode::getTransformationUID)
                .filter(Objects::nonNull))
        .contains(
            "flexibility-readings-source",
            "flexibility-battery-state-source",
            "flexibility-registry-source",
            "flexibility-assign-room",
            "flexibility-power",
            "flexibility-battery-input",
            "flexibility-battery-building",
            "flexibility-evaluate",
            "flexibility-influx-sink",
            "flexibility-kafka-sink");
    assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
    assertThat(graph.getJobGraph().getNumberOfVertices()).isPositive();
  }

  @Test
  void shouldReadItsOptionsAndRejectAStalenessNotLongerThanTheInterval() {
    Map<String, String> vars =
        Map.of(
            FlexibilityOptions.INTERVAL.name(), "5s", FlexibilityOptions.STALE_AFTER.name(), "1m");
    FlexibilityJobConfig cfg = FlexibilityJobConfig.from(JobsConfig.fromEnv(vars), vars);
    assertThat(cfg.interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(cfg.staleAfter()).isEqualTo(Duration.ofMinutes(1));
    assertThat(FlexibilityJobConfig.from(JobsConfig.fromEnv(Map.of()), Map.of()))
        .isEqualTo(FlexibilityJobConfig.defaults());

    Map<String, String> stale = Map.of(FlexibilityOptions.STALE_AFTER.name(), "10s");
    assertThatThrownBy(() -> FlexibilityJobConfig.from(JobsConfig.fromEnv(stale), stale))
        .hasMessageContaining("VOLTSTREAM_FLEXIBILITY_STALE_AFTER");
    Map<String, String> odd = Map.of(FlexibilityOptions.INTERVAL.name(), "1500ms");
    assertThatThrownBy(() -> FlexibilityJobConfig.from(JobsConfig.fromEnv(odd), odd))
        .hasMessageContaining("VOLTSTREAM_FLEXIBILITY_INTERVAL");
  }
}
