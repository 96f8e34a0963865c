package io.voltstream.jobs.roommetrics.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.jobs.roommetrics.logic.RegistryEntry.Action;
import io.voltstream.model.RegistryKey;
import org.junit.jupiter.api.Test;

class RegistryEntryTest {

  @Test
  void shouldMapSensorToItsRoom() {
    var e =
        RegistryEntry.fromChange(
            RegistryKey.sensor("m1"),
            "{\"sensor_id\":\"m1\",\"room\":\"kitchen\",\"sensor_type\":\"energy\"}");
    assertThat(e).isEqualTo(new RegistryEntry(Action.PUT, "sensor:m1", "kitchen"));
  }

  @Test
  void shouldMapRoomToItsBuilding() {
    var e =
        RegistryEntry.fromChange(
            RegistryKey.room("kitchen"), "{\"name\":\"kitchen\",\"building\":\"hq\"}");
    assertThat(e).isEqualTo(new RegistryEntry(Action.PUT, "room:kitchen", "hq"));
  }

  @Test
  void shouldDeleteOnTombstone() {
    assertThat(RegistryEntry.fromChange(RegistryKey.sensor("m1"), null))
        .isEqualTo(new RegistryEntry(Action.DELETE, "sensor:m1", null));
  }

  @Test
  void shouldDeleteWhenTheEntityHasNoRoomOrBuilding() {
    assertThat(
            RegistryEntry.fromChange(RegistryKey.sensor("m1"), "{\"sensor_id\":\"m1\"}").action())
        .isEqualTo(Action.DELETE);
    assertThat(
            RegistryEntry.fromChange(RegistryKey.room("k"), "{\"name\":\"k\",\"building\":\"\"}")
                .action())
        .isEqualTo(Action.DELETE);
  }

  @Test
  void shouldReportMalformedValuesWithoutThrowing() {
    assertThat(RegistryEntry.fromChange(RegistryKey.sensor("m1"), "{not json").action())
        .isEqualTo(Action.MALFORMED);
    assertThat(RegistryEntry.fromChange(RegistryKey.sensor("m1"), "42").action())
        .isEqualTo(Action.MALFORMED);
  }

  @Test
  void shouldIgnoreBuildingsAndMissingKeys() {
    assertThat(RegistryEntry.fromChange(RegistryKey.building("hq"), "{\"id\":\"hq\"}").action())
        .isEqualTo(Action.IGNORE);
    assertThat(RegistryEntry.fromChange(null, "{}").action()).isEqualTo(Action.IGNORE);
  }
}
