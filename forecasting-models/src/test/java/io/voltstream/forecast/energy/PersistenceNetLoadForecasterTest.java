package io.voltstream.forecast.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.scorecard.NetLoadForecaster;
import io.voltstream.energy.scorecard.PastObservations;
import io.voltstream.energy.scorecard.ReplaySeries;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PersistenceNetLoadForecasterTest {
  private static final Instant START = Instant.parse("2026-04-01T00:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration QUARTER = Duration.ofMinutes(15);

  /** Consumption = 100 W × (day index + 1) at every minute, generation = the hour of day × 10 W. */
  private static ReplaySeries series(int days) {
    double[] c = new double[days * 1440];
    double[] g = new double[days * 1440];
    for (int i = 0; i < c.length; i++) {
      c[i] = 100.0 * (i / 1440 + 1);
      g[i] = 10.0 * ((i % 1440) / 60);
    }
    return new ReplaySeries(START, MINUTE, c, g);
  }

  @Test
  void eachSlotIsTheMeanOfItsHourOverThePreviousSevenDays() {
    ReplaySeries s = series(10);
    Instant origin =
        START.plus(Duration.ofDays(9)).plus(Duration.ofHours(10)).plus(QUARTER); // day 9, 10:15
    NetLoadForecaster.LoadForecast f =
        new PersistenceNetLoadForecaster()
            .forecast(new PastObservations(s, origin), origin, QUARTER, 96);
    // Slot 0 is 10:15 of day 9: the same hour on days 2..8 had 300..900 W → 600 W.
    assertThat(f.consumptionW()[0]).isCloseTo(600, within(1e-9));
    assertThat(f.generationW()[0]).isCloseTo(100, within(1e-9));
    // Slot 55 is 00:00 of day 10: days 3..9 → 700 W, generation of hour 0.
    assertThat(f.consumptionW()[55]).isCloseTo(700, within(1e-9));
    assertThat(f.generationW()[55]).isZero();
    // Slot 95 is 10:00 of day 10, a full day after the origin's hour: it takes the same hour one
    // day earlier.
    assertThat(f.consumptionW()[95]).isCloseTo(600, within(1e-9));
  }

  @Test
  void itNeverReadsAtOrAfterTheOriginAndFillsMissingHistory() {
    ReplaySeries s = series(1);
    Instant origin = START.plus(Duration.ofHours(20));
    // PastObservations throws on any read past the origin, so a leak would fail here.
    NetLoadForecaster.LoadForecast f =
        new PersistenceNetLoadForecaster()
            .forecast(new PastObservations(s, origin), origin, QUARTER, 96);
    for (double w : f.consumptionW()) {
      assertThat(w).isCloseTo(100, within(1e-9));
    }
    assertThat(f.generationW()).doesNotContain(Double.NaN);
  }
}
