package io.voltstream.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.energy.scorecard.ReplayScenario;
import io.voltstream.energy.scorecard.ReplaySeries;
import io.voltstream.sim.SimTestData;
import io.voltstream.sim.building.DemoBuilding;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ScorecardScenariosTest {
  @Test
  void theDemoWeekIsDeterministicForASeedAndStartsAtLocalMidnight() {
    ReplayScenario a = DemoWeek.scenario(SimTestData.SEED, DemoWeek.DEFAULT_FIRST_SCORED_DAY, 1, 1);
    ReplayScenario b = DemoWeek.scenario(SimTestData.SEED, DemoWeek.DEFAULT_FIRST_SCORED_DAY, 1, 1);
    assertThat(a.series().size()).isEqualTo(2 * 1440);
    assertThat(a.scoredFrom())
        .isEqualTo(SimTestData.brussels(DemoWeek.DEFAULT_FIRST_SCORED_DAY, 0, 0));
    for (int i = 0; i < a.series().size(); i += 97) {
      assertThat(a.series().consumptionW(i)).isEqualTo(b.series().consumptionW(i));
    }
    assertThat(a.batteries()).extracting(s -> s.building()).containsOnly(DemoBuilding.BUILDING_ID);
    assertThat(a.fleet().capacityKwh()).isEqualTo(15.0);
  }

  @Test
  void theDemoHouseUsesAboutThirtyKwhADayAndItsRoofMakesPvAtNoonOnly() {
    ReplayScenario s = DemoWeek.scenario(SimTestData.SEED, DemoWeek.DEFAULT_FIRST_SCORED_DAY, 1, 1);
    ReplaySeries series = s.series();
    double loadKwh = 0;
    for (int i = 1440; i < 2880; i++) {
      loadKwh += series.consumptionW(i) / 60_000.0;
    }
    assertThat(loadKwh).isBetween(15.0, 40.0);
    int localMidnight = series.indexOf(s.scoredFrom());
    assertThat(series.generationW(localMidnight)).isZero();
    assertThat(series.generationW(localMidnight + 13 * 60))
        .isPositive()
        .isLessThanOrEqualTo(DemoBuilding.PV_PEAK_POWER_W);
  }

  @Test
  void theUciWeekHoldsEachTenMinuteRowForTenMinutes() throws IOException {
    Path csv = SimTestData.uciCsv();
    assertThat(csv).as("data/uci-appliances/ of the repository").isNotNull();
    ReplayScenario s;
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      s = UciWeek.scenario(reader, SimTestData.SEED, LocalDate.of(2016, 4, 11), 8, 7);
    }
    assertThat(Duration.between(s.series().start(), s.series().end()))
        .isEqualTo(Duration.ofDays(15));
    ReplaySeries series = s.series();
    int rowStart = series.indexOf(s.scoredFrom());
    for (int k = 1; k < 10; k++) {
      assertThat(series.consumptionW(rowStart + k)).isEqualTo(series.consumptionW(rowStart));
    }
    // The first scored row (11/04/2016 0:00 in the file: 50 Wh appliances, 0 Wh lights) as 300 W.
    assertThat(series.consumptionW(rowStart)).isEqualTo(300.0);
    assertThat(s.batteries()).containsExactly(UciWeek.battery());
  }
}
