package io.voltstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"kitchen", "living-room.1", "s_01", "A", "a.b", "..a"})
  void shouldAcceptUrlSafeNames(String name) {
    assertThat(EntityId.isValid(name)).isTrue();
    assertThat(EntityId.require("room", name)).isEqualTo(name);
    assertThat(EntityId.parse(name)).contains(new EntityId(name));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "..",
        "kit chen",
        "kitchen'",
        "kitchen\"",
        "a\\b",
        "room:1",
        "k\u0131tchen",
        "kitchen\n",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void shouldRejectEverythingElseNamingTheField(String name) {
    assertThat(EntityId.isValid(name)).isFalse();
    assertThat(EntityId.parse(name)).isEmpty();
    assertThatThrownBy(() -> EntityId.require("sensor_id", name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("sensor_id must be 1-64 characters");
  }

  @Test
  void shouldRejectNull() {
    assertThat(EntityId.isValid(null)).isFalse();
    assertThatThrownBy(() -> EntityId.require("room", null)).hasMessageContaining("room");
  }
}
