package io.voltstream.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VersionHistoryTest {

  private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void shouldReadAndWriteSensorsWithoutHistoryAsBefore() throws Exception {
    String legacy = "{\"sensor_id\":\"m1\",\"room\":\"kitchen\",\"sensor_type\":\"energy\"}";

    Sensor s = Json.MAPPER.readValue(legacy, Sensor.class);

    assertThat(s).isEqualTo(new Sensor("m1", "kitchen", SensorType.ENERGY, null, null));
    assertThat(Json.MAPPER.writeValueAsString(s)).isEqualTo(legacy);
  }

  @Test
  void shouldStartTheNewRoomNowAndKeepTheOldOneInTheHistory() throws Exception {
    Sensor first = new Sensor("m1", "kitchen", SensorType.ENERGY, null, null).succeeding(null, T);
    Sensor moved =
        new Sensor("m1", "hall", SensorType.ENERGY, "Meter", null)
            .succeeding(first, T.plusSeconds(60));
    Sensor renamed =
        new Sensor("m1", "hall", SensorType.ENERGY, "Main meter", null)
            .succeeding(moved, T.plusSeconds(120));

    assertThat(first.effectiveFrom()).as("a new sensor's room holds since forever").isNull();
    assertThat(moved.effectiveFrom()).isEqualTo(T.plusSeconds(60));
    assertThat(moved.roomHistory()).containsExactly(new Sensor.RoomVersion("kitchen", null));
    assertThat(renamed.effectiveFrom()).as("same room: same version").isEqualTo(T.plusSeconds(60));
    assertThat(renamed.roomHistory()).isEqualTo(moved.roomHistory());
    String json = Json.MAPPER.writeValueAsString(moved);
    assertThat(json)
        .contains("\"effective_from\":\"2026-01-05T10:01:00Z\"")
        .contains("\"room_history\":[{\"room\":\"kitchen\"}]");
    assertThat(Json.MAPPER.readValue(json, Sensor.class)).isEqualTo(moved);
  }

  @Test
  void shouldDropVersionsThatEndedBeyondTheHorizonAndCapTheCount() {
    Sensor s = new Sensor("m1", "r0", SensorType.ENERGY, null, null);
    Instant t = T;
    for (int i = 1; i <= 3; i++) {
      t = t.plus(Duration.ofDays(20));
      s = new Sensor("m1", "r" + i, SensorType.ENERGY, null, null).succeeding(s, t);
    }
    // r0 ended at T+20d, r1 at T+40d, r2 at T+60d (now): r0 ended 40 days ago.
    assertThat(s.roomHistory()).extracting(Sensor.RoomVersion::room).containsExactly("r1", "r2");

    for (int i = 0; i < 100; i++) {
      t = t.plusSeconds(60);
      s = new Sensor("m1", "x" + i, SensorType.ENERGY, null, null).succeeding(s, t);
    }
    assertThat(s.roomHistory()).hasSize(VersionHistory.MAX_VERSIONS);
    assertThat(s.roomHistory().get(VersionHistory.MAX_VERSIONS - 1).room()).isEqualTo("x98");
  }

  @Test
  void shouldVersionARoomsBuilding() throws Exception {
    Room moved = new Room("hall", "annex", 20.0).succeeding(new Room("hall", "hq", 20.0), T);

    assertThat(moved.effectiveFrom()).isEqualTo(T);
    assertThat(moved.buildingHistory()).containsExactly(new Room.BuildingVersion("hq", null));
    assertThat(Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(moved), Room.class))
        .isEqualTo(moved);
    assertThat(Json.MAPPER.writeValueAsString(new Room("hall", "hq", null)))
        .isEqualTo("{\"name\":\"hall\",\"building\":\"hq\"}");
  }
}
