package io.voltstream.jobs.market;

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

class MarketJobTest {

  @Test
  void shouldWireAJobGraphWhereEveryOperatorHasAStableUidAndNoGenericTypes() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Map<String, String> vars = Map.of(JobsConfig.CHECKPOINT_INTERVAL, "5s");
    MarketJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars);

    StreamGraph graph = env.getStreamGraph();

    assertThat(graph.getStreamNodes())
        .allSatisfy(
            n ->
                assertThat(n.getTransformationUID())
                    .as(n.getOperatorName())
                    .isNotNull()
                    .contains("market-"));
    assertThat(
            graph.getStreamNodes().stream()
                .map(StreamNode::getTransformationUID)
                .filter(Objects::nonNull))
        .contains(
            "market-orders-source",
            "market-clock-source",
            "market-clock",
            "market-registry-source",
            "market-match",
            "market-trades-kafka-sink",
            "market-trades-influx-sink",
            "market-clearing-kafka-sink",
            "market-clearing-influx-sink",
            "market-order-status-kafka-sink",
            "market-orders-influx-sink");
    assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
    assertThat(graph.getJobGraph().getNumberOfVertices()).isPositive();
  }

  @Test
  void shouldReadItsOptionsAndRejectValuesOutOfRangeNamingTheVariable() {
    Map<String, String> vars =
        Map.of(
            MarketOptions.CLOSED_SLOT_RETENTION.name(), "30m",
            MarketOptions.ORDER_HORIZON.name(), "2d");
    MarketJobConfig cfg = MarketJobConfig.from(JobsConfig.fromEnv(vars), vars);
    assertThat(cfg.closedSlotRetention()).isEqualTo(Duration.ofMinutes(30));
    assertThat(cfg.orderHorizon()).isEqualTo(Duration.ofDays(2));
    assertThat(MarketJobConfig.from(JobsConfig.fromEnv(Map.of()), Map.of()))
        .isEqualTo(MarketJobConfig.defaults());

    Map<String, String> zero = Map.of(MarketOptions.CLOSED_SLOT_RETENTION.name(), "0s");
    assertThatThrownBy(() -> MarketJobConfig.from(JobsConfig.fromEnv(zero), zero))
        .hasMessageContaining("VOLTSTREAM_MARKET_CLOSED_SLOT_RETENTION");
    Map<String, String> shortHorizon = Map.of(MarketOptions.ORDER_HORIZON.name(), "5m");
    assertThatThrownBy(() -> MarketJobConfig.from(JobsConfig.fromEnv(shortHorizon), shortHorizon))
        .hasMessageContaining("VOLTSTREAM_MARKET_ORDER_HORIZON");
  }
}
