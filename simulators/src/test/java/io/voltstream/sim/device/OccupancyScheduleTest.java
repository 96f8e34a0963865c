package io.voltstream.sim.device;

import static io.voltstream.sim.SimTestData.BRUSSELS;
import static io.voltstream.sim.SimTestData.SEED;
import static io.voltstream.sim.SimTestData.SUMMER_WEDNESDAY;
import static io.voltstream.sim.SimTestData.brussels;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.sim.device.occupancy.OccupancySchedule;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OccupancyScheduleTest {
  private final OccupancySchedule schedule = new OccupancySchedule(SEED, BRUSSELS);

  @Test
  void shouldFillBedroomsAtNightAndEmptyThemByDay() {
    assertThat(schedule.occupants("bedroom-1", RoomKind.BEDROOM, brussels(SUMMER_WEDNESDAY, 3, 0)))
        .isBetween(1, 2);
    assertThat(schedule.occupants("bedroom-1", RoomKind.BEDROOM, brussels(SUMMER_WEDNESDAY, 14, 0)))
        .isZero();
  }

  @Test
  void shouldBeConstantWithinAQuarterHourAndRepeatableForASeed() {
    Instant at = brussels(SUMMER_WEDNESDAY, 19, 1);
    int n = schedule.occupants("kitchen", RoomKind.KITCHEN, at);
    assertThat(schedule.occupants("kitchen", RoomKind.KITCHEN, at.plusSeconds(600))).isEqualTo(n);
    assertThat(new OccupancySchedule(SEED, BRUSSELS).occupants("kitchen", RoomKind.KITCHEN, at))
        .isEqualTo(n);
  }

  @Test
  void shouldMatchTheExpectedHeadCountOnAverage() {
    double sum = 0;
    int slots = 0;
    for (int day = 0; day < 60; day++) {
      // The same weekday hour over many weeks.
      sum +=
          schedule.occupants(
              "living-room",
              RoomKind.LIVING_ROOM,
              brussels(SUMMER_WEDNESDAY.plusWeeks(day), 20, 30));
      slots++;
    }
    assertThat(sum / slots).isBetween(2.6, 3.4);
  }
}
