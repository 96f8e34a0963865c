package io.voltstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void shouldDeclareEachTopicOnceWithItsPartitionsAndCleanup() {
    Set<String> names = Topics.all().stream().map(Topic::name).collect(Collectors.toSet());
    assertThat(names)
        .hasSize(Topics.all().size())
        .contains(
            "readings",
            "readings.dlq",
            "readings.late",
            "registry",
            "room-metrics",
            "events",
            "forecasts",
            "token-revocations");
    assertThat(Topics.READINGS.partitions()).isEqualTo(4);
    assertThat(Topics.REGISTRY.cleanup()).isEqualTo(Topic.Cleanup.COMPACT);
    assertThat(Topics.TOKEN_REVOCATIONS.cleanup()).isEqualTo(Topic.Cleanup.COMPACT);
    assertThat(Topics.EVENTS.cleanup()).isEqualTo(Topic.Cleanup.DELETE);
  }

  @Test
  void shouldRoundTripValuesThroughTheDeclaredJsonCodec() throws IOException {
    Revocation r = new Revocation("t1", Instant.parse("2026-11-30T00:00:00Z"), "admin");
    byte[] bytes = Topics.TOKEN_REVOCATIONS.encodeValue(r);

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .contains("\"revoked_at\":\"2026-11-30T00:00:00Z\"");
    assertThat(Topics.TOKEN_REVOCATIONS.decodeValue("t1", bytes)).isEqualTo(r);
    assertThat(Topics.TOKEN_REVOCATIONS.encodeValue(null)).as("a tombstone stays null").isNull();
    assertThat(Topics.READINGS.decodeKey(Topics.READINGS.encodeKey("s1"))).isEqualTo("s1");
  }

  @Test
  void shouldDecodeRegistryValuesByTheKindOfTheirKey() throws IOException {
    Room kitchen = new Room("kitchen", "demo", 14.0);
    byte[] bytes = Topics.REGISTRY.encodeValue(kitchen);

    assertThat(Topics.REGISTRY.decodeValue(RegistryKey.room("kitchen").encode(), bytes))
        .isEqualTo(kitchen);
    assertThatThrownBy(() -> Topics.REGISTRY.decodeValue("gadget:x", bytes))
        .isInstanceOf(IOException.class);
  }

  @Test
  void shouldRejectUndecodableValues() {
    assertThatThrownBy(
            () -> Topics.EVENTS.decodeValue("k", "not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(
            () -> Topics.EVENTS.decodeValue("k", "null".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Topic.json("bad topic", String.class))
        .hasMessageContaining("bad topic");
  }
}
