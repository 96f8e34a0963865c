package io.voltstream.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.model.Topics;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicProvisionerTest {

  @Test
  void shouldGiveReadingsTheRequestedPartitionsAndOtherTopicsTheirFixedOnes() {
    Map<String, NewTopic> topics =
        TopicProvisioner.standardTopics(6).stream()
            .collect(Collectors.toMap(NewTopic::name, t -> t));

    assertThat(topics.keySet())
        .containsExactlyInAnyOrder(
            Topics.READINGS.name(),
            Topics.READINGS_DLQ.name(),
            Topics.READINGS_LATE.name(),
            Topics.ROOM_METRICS.name(),
            Topics.EVENTS.name(),
            Topics.FORECASTS.name(),
            Topics.REGISTRY.name(),
            Topics.TOKEN_REVOCATIONS.name(),
            Topics.COMMANDS.name(),
            Topics.COMMAND_ACKS.name(),
            Topics.COMMAND_STATUS.name(),
            Topics.BATTERY_STATE.name(),
            Topics.FLEXIBILITY.name(),
            Topics.DR_INVITATIONS.name(),
            Topics.DR_STATUS.name(),
            Topics.MARKET_ORDERS.name(),
            Topics.MARKET_ORDER_STATUS.name(),
            Topics.MARKET_TRADES.name(),
            Topics.MARKET_CLEARING.name(),
            Topics.SETTLEMENTS.name());
    assertThat(topics.get(Topics.READINGS.name()).numPartitions()).isEqualTo(6);
    assertThat(topics.get(Topics.EVENTS.name()).numPartitions()).isEqualTo(2);
    assertThat(topics.get(Topics.READINGS_DLQ.name()).numPartitions()).isEqualTo(2);
    assertThat(topics.get(Topics.FORECASTS.name()).numPartitions()).isEqualTo(2);
    assertThat(topics.values())
        .allSatisfy(t -> assertThat(t.replicationFactor()).isEqualTo((short) 1));
  }

  @Test
  void shouldCompactTheRegistryAndTokenRevocationsOnOnePartition() {
    Map<String, NewTopic> topics =
        TopicProvisioner.standardTopics(4).stream()
            .collect(Collectors.toMap(NewTopic::name, t -> t));

    for (String name : new String[] {Topics.REGISTRY.name(), Topics.TOKEN_REVOCATIONS.name()}) {
      assertThat(topics.get(name).numPartitions()).isEqualTo(1);
      assertThat(topics.get(name).configs()).containsEntry("cleanup.policy", "compact");
    }
    assertThat(topics.get(Topics.READINGS.name()).configs()).isNullOrEmpty();
  }

  @Test
  void shouldRejectZeroReadingPartitions() {
    assertThatThrownBy(() -> TopicProvisioner.standardTopics(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("readingPartitions");
  }
}
