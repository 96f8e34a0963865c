package io.voltstream.jobs.roommetrics.logic;

import static io.voltstream.jobs.roommetrics.RoomTestData.T0;
import static io.voltstream.jobs.roommetrics.RoomTestData.meter;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoomAssignmentTest {

  private final Map<String, String> view = new HashMap<>();

  @Test
  void shouldPreferTheRegistryRoomOverThePayloadRoom() {
    view.put("sensor:m1", "kitchen");
    view.put("room:kitchen", "hq");

    RoomAssignment a = RoomAssignment.assign(meter("m1", "garage", T0, 1, 1), view::get);

    assertThat(a).isEqualTo(new RoomAssignment("kitchen", "hq"));
  }

  @Test
  void shouldFallBackToThePayloadRoomAndItsRegisteredBuilding() {
    view.put("room:garage", "annex");

    assertThat(RoomAssignment.assign(meter("m1", "garage", T0, 1, 1), view::get))
        .isEqualTo(new RoomAssignment("garage", "annex"));
  }

  @Test
  void shouldUseDefaultBuildingForUnregisteredRoom() {
    assertThat(RoomAssignment.assign(meter("m1", "garage", T0, 1, 1), view::get))
        .isEqualTo(new RoomAssignment("garage", "default"));
  }

  @Test
  void shouldAssignReadingsWithoutAnyRoomToUnassigned() {
    assertThat(RoomAssignment.assign(meter("m1", null, T0, 1, 1), view::get))
        .isEqualTo(new RoomAssignment("unassigned", "default"));
    assertThat(RoomAssignment.assign(meter("m1", "  ", T0, 1, 1), view::get).room())
        .isEqualTo("unassigned");
  }

  @Test
  void shouldCarryTheAssignedRoomIntoTheReading() {
    view.put("sensor:m1", "kitchen");
    var reading = meter("m1", "garage", T0, 1, 1);

    RoomReading rr = RoomReading.of(reading, RoomAssignment.assign(reading, view::get));

    assertThat(rr.reading().room()).isEqualTo("kitchen");
    assertThat(rr.room()).isEqualTo("kitchen");
    assertThat(rr.building()).isEqualTo("default");
  }
}
