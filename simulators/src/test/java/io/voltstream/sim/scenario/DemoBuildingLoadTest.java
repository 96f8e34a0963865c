package io.voltstream.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.energy.scorecard.ReplaySeries;
import io.voltstream.sim.building.DemoBuilding;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoBuildingLoadTest {
  private static final LocalDate DAY = LocalDate.of(2026, 4, 14);

  @Test
  void shouldAddTheDemoDevicesToTheRoomsLoad() {
    Instant start = DAY.atStartOfDay(DemoBuilding.ZONE).toInstant();
    double[] all = DemoBuildingLoad.consumptionW(42, start, Duration.ofMinutes(1), 1440);
    ReplaySeries rooms = DemoWeek.scenario(42, DAY, 0, 1).series();
    double devicesKwh = 0;
    for (int i = 0; i < all.length; i++) {
      double devicesW = all[i] - rooms.consumptionW(i);
      assertThat(devicesW).as("minute %d", i).isGreaterThanOrEqualTo(-1e-9);
      devicesKwh += devicesW / 60_000.0;
    }
    // the EV alone charges 3–6 kWh at midday and 8–16 kWh in the evening; the heat pump never
    // drops below its 12 % minimum (300 W) → at least 11 + 7.2 kWh
    assertThat(devicesKwh).isGreaterThan(18.2);
  }

  @Test
  void shouldBeDeterministicForASeed() {
    Instant start = DAY.atStartOfDay(DemoBuilding.ZONE).toInstant();
    assertThat(DemoBuildingLoad.consumptionW(7, start, Duration.ofMinutes(5), 288))
        .containsExactly(DemoBuildingLoad.consumptionW(7, start, Duration.ofMinutes(5), 288));
  }
}
