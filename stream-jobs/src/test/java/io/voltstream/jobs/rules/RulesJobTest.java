package io.voltstream.jobs.rules;

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

class RulesJobTest {

  @Test
  void shouldWireAJobGraphWhereEveryOperatorHasAStableUidAndNoGenericTypes() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Map<String, String> vars = Map.of(JobsConfig.CHECKPOINT_INTERVAL, "5s");
    RulesJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars);

    StreamGraph graph = env.getStreamGraph();
    assertThat(graph.getStreamNodes())
        .allSatisfy(
            n ->
                assertThat(n.getTransformationUID())
                    .as(n.getOperatorName())
                    .isNotNull()
                    .contains("rules-"));
    assertThat(
            graph.getStreamNodes().stream()
                .map(StreamNode::getTransformationUID)
                .filter(Objects::nonNull))
        .contains(
            "rules-readings-source",
            "rules-registry-source",
            "rules-assign-room",
            "rules-samples",
            "rules-evaluate",
            "rules-events-influx-sink",
            "rules-events-kafka-sink",
            "rules-kafka-sink");
    assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
    assertThat(graph.getJobGraph().getNumberOfVertices()).isPositive();
  }

  @Test
  void shouldReadTheCommandValidityAndNameTheVariableWhenItIsInvalid() {
    JobsConfig jobs = JobsConfig.fromEnv(Map.of());
    assertThat(RulesOptions.Settings.from(jobs, Map.of()).commandValidity())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(
            RulesOptions.Settings.from(jobs, Map.of(RulesOptions.COMMAND_VALIDITY.name(), "90s"))
                .commandValidity())
        .isEqualTo(Duration.ofSeconds(90));
    assertThatThrownBy(
            () ->
                RulesOptions.Settings.from(
                    jobs, Map.of(RulesOptions.COMMAND_VALIDITY.name(), "soon")))
        .hasMessageContaining(RulesOptions.COMMAND_VALIDITY.name());
  }
}
