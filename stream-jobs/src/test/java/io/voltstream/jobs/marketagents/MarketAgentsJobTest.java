package io.voltstream.jobs.marketagents;

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

class MarketAgentsJobTest {

  @Test
  void shouldWireAJobGraphWhereEveryOperatorHasAStableUidAndNoGenericTypes() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Map<String, String> vars = Map.of(JobsConfig.CHECKPOINT_INTERVAL, "5s");
    MarketAgentsJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars);

    StreamGraph graph = env.getStreamGraph();
    assertThat(graph.getStreamNodes())
        .allSatisfy(
            n ->
                assertThat(n.getTransformationUID())
                    .as(n.getOperatorName())
                    .isNotNull()
                    .contains("market-agents-"));
    assertThat(
            graph.getStreamNodes().stream()
                .map(StreamNode::getTransformationUID)
                .filter(Objects::nonNull))
        .contains(
            "market-agents-readings-source",
            "market-agents-battery-state-source",
            "market-agents-forecasts-source",
            "market-agents-order-status-source",
            "market-agents-registry-source",
            "market-agents-assign-room",
            "market-agents-power",
            "market-agents-battery-building",
            "market-agents-forecast-batches",
            "market-agents-agent",
            "market-agents-kafka-sink");
    assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
    assertThat(graph.getJobGraph().getNumberOfVertices()).isPositive();
  }

  @Test
  void shouldReadItsOptionsAndNameTheOneThatIsWrong() {
    Map<String, String> vars =
        Map.of(
            MarketAgentsOptions.UPDATE_INTERVAL.name(), "30s",
            MarketAgentsOptions.HORIZON_SLOTS.name(), "3",
            MarketAgentsOptions.SELL_STORED_ABOVE_SOC.name(), "80");
    MarketAgentsJobConfig cfg = MarketAgentsJobConfig.from(JobsConfig.fromEnv(vars), vars);
    assertThat(cfg.updateInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(cfg.agent().horizonSlots()).isEqualTo(3);
    assertThat(cfg.agent().sellStoredAboveSocPercent()).isEqualTo(80);
    assertThat(MarketAgentsJobConfig.from(JobsConfig.fromEnv(Map.of()), Map.of()))
        .isEqualTo(MarketAgentsJobConfig.defaults());

    Map<String, String> odd = Map.of(MarketAgentsOptions.UPDATE_INTERVAL.name(), "1500ms");
    assertThatThrownBy(() -> MarketAgentsJobConfig.from(JobsConfig.fromEnv(odd), odd))
        .hasMessageContaining("VOLTSTREAM_MARKET_AGENTS_UPDATE_INTERVAL");
    Map<String, String> stale =
        Map.of(
            MarketAgentsOptions.UPDATE_INTERVAL.name(), "2m",
            MarketAgentsOptions.STALE_AFTER.name(), "1m");
    assertThatThrownBy(() -> MarketAgentsJobConfig.from(JobsConfig.fromEnv(stale), stale))
        .hasMessageContaining("VOLTSTREAM_MARKET_AGENTS_STALE_AFTER");
  }
}
