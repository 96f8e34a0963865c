package io.voltstream.sim.device;

import static io.voltstream.sim.SimTestData.BRUSSELS;
import static io.voltstream.sim.SimTestData.SEED;
import static io.voltstream.sim.SimTestData.SUMMER_SATURDAY;
import static io.voltstream.sim.SimTestData.SUMMER_WEDNESDAY;
import static io.voltstream.sim.SimTestData.brussels;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.sim.device.load.LoadProfile;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LoadProfileTest {
  private final LoadProfile profile = new LoadProfile(SEED, BRUSSELS);

  private double houseW(LocalDate date, int hour, int minute) {
    Instant at = brussels(date, hour, minute);
    double sum = 0;
    for (RoomKind kind : RoomKind.values()) {
      sum += profile.expectedPowerW(kind, at);
    }
    return sum;
  }

  /** Mean of the noisy power over an hour, per minute. */
  private double noisyHourMeanW(String room, RoomKind kind, LocalDate date, int hour) {
    double sum = 0;
    for (int m = 0; m < 60; m++) {
      sum += profile.powerW(room, kind, brussels(date, hour, m));
    }
    return sum / 60;
  }

  @Test
  void shouldDrawMoreAtTheEveningPeakThanAtThreeAm() {
    assertThat(houseW(SUMMER_WEDNESDAY, 19, 0)).isGreaterThan(3 * houseW(SUMMER_WEDNESDAY, 3, 0));
    assertThat(noisyHourMeanW("kitchen", RoomKind.KITCHEN, SUMMER_WEDNESDAY, 18))
        .isGreaterThan(4 * noisyHourMeanW("kitchen", RoomKind.KITCHEN, SUMMER_WEDNESDAY, 3));
  }

  @Test
  void shouldHaveAMorningPeakOnWeekdays() {
    assertThat(houseW(SUMMER_WEDNESDAY, 7, 30)).isGreaterThan(2 * houseW(SUMMER_WEDNESDAY, 10, 30));
  }

  @Test
  void shouldDifferAtWeekends() {
    // The home office is busy on a weekday morning and nearly idle on Saturday.
    assertThat(profile.expectedPowerW(RoomKind.OFFICE, brussels(SUMMER_WEDNESDAY, 10, 30)))
        .isGreaterThan(
            3 * profile.expectedPowerW(RoomKind.OFFICE, brussels(SUMMER_SATURDAY, 10, 30)));
    // The morning peak moves later at weekends.
    assertThat(houseW(SUMMER_SATURDAY, 9, 30)).isGreaterThan(houseW(SUMMER_WEDNESDAY, 9, 30));
    assertThat(houseW(SUMMER_SATURDAY, 7, 0)).isLessThan(houseW(SUMMER_WEDNESDAY, 7, 0));
  }

  @Test
  void shouldNeverBeNegativeAndAverageNearTheShape() {
    double noisy = 0;
    double expected = 0;
    for (int m = 0; m < 24 * 60; m++) {
      Instant at = brussels(SUMMER_WEDNESDAY, 0, 0).plusSeconds(60L * m);
      double p = profile.powerW("living-room", RoomKind.LIVING_ROOM, at);
      assertThat(p).isGreaterThanOrEqualTo(0.0);
      noisy += p;
      expected += profile.expectedPowerW(RoomKind.LIVING_ROOM, at);
    }
    assertThat(noisy / expected).isBetween(0.9, 1.1);
  }

  @Test
  void shouldAverageAnIntervalByItsSamples() {
    Instant from = brussels(SUMMER_WEDNESDAY, 18, 0);
    Instant to = from.plusSeconds(60);
    double avg = profile.averagePowerW("kitchen", RoomKind.KITCHEN, from, to);
    assertThat(avg).isEqualTo(profile.powerW("kitchen", RoomKind.KITCHEN, from.plusSeconds(30)));
  }

  @Test
  void shouldDrawNothingOnTheRoof() {
    assertThat(profile.expectedPowerW(RoomKind.ROOF, brussels(SUMMER_WEDNESDAY, 19, 0))).isZero();
  }
}
