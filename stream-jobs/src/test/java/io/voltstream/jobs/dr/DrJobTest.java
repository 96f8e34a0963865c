package io.voltstream.jobs.dr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.energy.dr.baseline.BaselineMethod;
import io.voltstream.jobs.io.JobsConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

class DrJobTest {

  @Test
  void shouldWireAJobGraphWhereEveryOperatorHasAStableUidAndNoGenericTypes() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Map<String, String> vars = Map.of(JobsConfig.CHECKPOINT_INTERVAL, "5s");
    DrJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars);

    StreamGraph graph = env.getStreamGraph();

    assertThat(graph.getStreamNodes())
        .allSatisfy(
            n ->
                assertThat(n.getTransformationUID())
                    .as(n.getOperatorName())
                    .isNotNull()
                    .contains("demand-response-"));
    assertThat(
            graph.getStreamNodes().stream()
                .map(StreamNode::getTransformationUID)
                .filter(Objects::nonNull))
        .contains(
            "demand-response-readings-source",
            "demand-response-battery-state-source",
            "demand-response-flexibility-source",
            "demand-response-invitations-source",
            "demand-response-command-status-source",
            "demand-response-registry-source",
            "demand-response-assign-room",
            "demand-response-battery-building",
            "demand-response-execute",
            "demand-response-commands-sink",
            "demand-response-status-sink",
            "demand-response-dr-events-sink",
            "demand-response-dr-performance-sink",
            "demand-response-events-kafka-sink",
            "demand-response-events-influx-sink");
    assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
    assertThat(graph.getJobGraph().getNumberOfVertices()).isPositive();
  }

  @Test
  void shouldReadItsOptionsWithDefaultsAndNameTheVariableWhenOneIsWrong() {
    assertThat(DrJobConfig.from(JobsConfig.fromEnv(Map.of()), Map.of()))
        .isEqualTo(DrJobConfig.defaults());
    Map<String, String> vars =
        Map.of(
            DrOptions.INTERVAL.name(), "5s",
            DrOptions.REPORT_INTERVAL.name(), "60s",
            DrOptions.COMMAND_VALIDITY.name(), "20s",
            DrOptions.HISTORY.name(), "30d",
            DrOptions.BASELINE_METHOD.name(), "high4of5",
            DrOptions.SAME_DAY_ADJUSTMENT.name(), "true");
    DrJobConfig cfg = DrJobConfig.from(JobsConfig.fromEnv(vars), vars);
    assertThat(cfg.interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(cfg.reportInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(cfg.commandValidity()).isEqualTo(Duration.ofSeconds(20));
    assertThat(cfg.history()).isEqualTo(Duration.ofDays(30));
    assertThat(cfg.method()).isEqualTo(BaselineMethod.HIGH_FOUR_OF_FIVE);
    assertThat(cfg.sameDayAdjustment()).isTrue();
    assertThat(DrJobConfig.defaults().sameDayAdjustment()).isFalse();

    for (var bad :
        Map.of(
                DrOptions.INTERVAL.name(), "7s",
                DrOptions.COMMAND_VALIDITY.name(), "10s",
                DrOptions.REPORT_INTERVAL.name(), "5m",
                DrOptions.BASELINE_METHOD.name(), "5of10")
            .entrySet()) {
      Map<String, String> env = Map.of(bad.getKey(), bad.getValue());
      assertThatThrownBy(() -> DrJobConfig.from(JobsConfig.fromEnv(env), env))
          .as(bad.getKey())
          .hasMessageContaining(bad.getKey());
    }
  }
}
