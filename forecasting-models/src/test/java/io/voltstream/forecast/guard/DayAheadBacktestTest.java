package io.voltstream.forecast.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.forecast.ForecastTestData;
import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.features.PastView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DayAheadBacktestTest {
  // Alternating days of 1 and 3 kWh per hour: the ensemble is never exact.
  private static final io.voltstream.forecast.data.HourlySeries ALTERNATING =
      ForecastTestData.hourly(12, i -> (i / 24) % 2 == 0 ? 1.0 : 3.0);

  /** Knows the alternation: exact. */
  private static final Forecaster ORACLE =
      new Forecaster() {
        @Override
        public String id() {
          return "oracle";
        }

        @Override
        public double[] forecast(PastView past, List<Instant> targets) {
          return targets.stream().mapToDouble(t -> ALTERNATING.target(t)).toArray();
        }
      };

  @Test
  void shouldReplayOnlyCompleteDaysWithAWeekOfHistoryBeforeThem() {
    // origin in day 11 at 05:00: complete days before it are 0..10; days 7..10 have a week before
    Instant origin = ForecastTestData.START.plus(Duration.ofDays(11)).plus(Duration.ofHours(5));

    var result =
        DayAheadBacktest.run(
            Optional.of(ORACLE), Baselines.persistenceEnsemble(), ALTERNATING, origin, 7);

    assertThat(result.hours()).isEqualTo(4 * 24);
    assertThat(result.candidateRmseKwh()).isZero();
    // even days (1 kWh) get 15/7 from the ensemble, odd days (3 kWh) 13/7
    assertThat(result.referenceRmseKwh())
        .isCloseTo(
            Math.sqrt((Math.pow(15.0 / 7 - 1, 2) + Math.pow(3 - 13.0 / 7, 2)) / 2), within(1e-9));
    assertThat(result.skill()).isEqualTo(1.0);
    assertThat(result.candidate()).extracting(s -> s.lead().toHours()).contains(0L, 23L);
  }

  @Test
  void shouldScoreAnExactEnsembleAsBetterThanAnyInexactModel() {
    var flat = ForecastTestData.hourly(10, i -> 2.0);
    Instant origin = flat.end();

    var result =
        DayAheadBacktest.run(
            Optional.of(Baselines.previousDay()), Baselines.persistenceEnsemble(), flat, origin, 7);
    assertThat(result.skill()).isZero(); // both exact

    var worse =
        DayAheadBacktest.run(Optional.of(ORACLE), Baselines.persistenceEnsemble(), flat, origin, 7);
    assertThat(worse.skill()).isEqualTo(-1.0);
  }
}
