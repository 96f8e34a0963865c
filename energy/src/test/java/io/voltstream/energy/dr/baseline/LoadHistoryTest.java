package io.voltstream.energy.dr.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LoadHistoryTest {
  private static final Instant T0 = Instant.parse("2026-04-15T00:00:00Z");
  private static final Duration Q = Duration.ofMinutes(15);

  private static LoadHistory quarterHours(Double... kw) {
    SortedMap<Instant, Double> m = new TreeMap<>();
    for (int i = 0; i < kw.length; i++) {
      if (kw[i] != null) {
        m.put(T0.plus(Q.multipliedBy(i)), kw[i]);
      }
    }
    return LoadHistory.of(Q, m);
  }

  @Test
  void shouldWeighIntervalsByTheirOverlapWithAnUnalignedWindow() {
    LoadHistory h = quarterHours(1.0, 2.0, 3.0);
    // [00:10, 00:40): 5 min of 1 kW + 15 min of 2 kW + 10 min of 3 kW = 65 kW·min / 30 min
    assertThat(h.meanKw(T0.plusSeconds(600), T0.plusSeconds(2400)).getAsDouble())
        .isCloseTo(65.0 / 30.0, within(1e-12));
    assertThat(h.meanKw(T0, T0.plus(Q.multipliedBy(3))).getAsDouble())
        .isCloseTo(2.0, within(1e-12));
  }

  @Test
  void shouldReportAWindowWithAMissingIntervalAsIncomplete() {
    LoadHistory h = quarterHours(1.0, null, 3.0, 5.0);
    assertThat(h.meanKw(T0, T0.plus(Q.multipliedBy(3)))).isEmpty();
    assertThat(h.meanKw(T0.plus(Q.multipliedBy(2)), T0.plus(Q.multipliedBy(4))).getAsDouble())
        .isEqualTo(4.0);
    // beyond the data is missing too
    assertThat(h.meanKw(T0.plus(Q.multipliedBy(3)), T0.plus(Q.multipliedBy(5)))).isEmpty();
  }

  @Test
  void shouldAverageOnlyThePresentIntervalsWhenAskedForWhatIsAvailable() {
    LoadHistory h = quarterHours(1.0, null, 3.0, 5.0);
    // (1 + 3) / 2 over [00:00, 00:45)
    assertThat(h.meanKwOfAvailable(T0, T0.plus(Q.multipliedBy(3))).getAsDouble()).isEqualTo(2.0);
    assertThat(h.intervalsAvailable(T0, T0.plus(Q.multipliedBy(3)))).isEqualTo(2);
    assertThat(h.meanKwOfAvailable(T0.minus(Q.multipliedBy(4)), T0)).isEmpty();
  }

  @Test
  void shouldRejectEmptyWindowsAndBadValues() {
    LoadHistory h = quarterHours(1.0);
    assertThat(h.meanKw(T0, T0)).isEmpty();
    SortedMap<Instant, Double> bad = new TreeMap<>();
    bad.put(T0, Double.NaN);
    assertThatThrownBy(() -> LoadHistory.of(Q, bad)).hasMessageContaining("finite");
    assertThatThrownBy(() -> LoadHistory.of(Duration.ZERO, new TreeMap<>()))
        .hasMessageContaining("interval");
  }

  @Test
  void shouldNotBeChangedThroughTheMapItWasBuiltFrom() {
    SortedMap<Instant, Double> m = new TreeMap<>();
    m.put(T0, 1.0);
    LoadHistory h = LoadHistory.of(Q, m);
    m.put(T0, 9.0);
    assertThat(h.meanKw(T0, T0.plus(Q)).getAsDouble()).isEqualTo(1.0);
    assertThatThrownBy(() -> h.meanKwByStart().put(T0, 2.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void shouldResampleTenMinuteDataOntoQuarterHours() {
    Duration ten = Duration.ofMinutes(10);
    SortedMap<Instant, Double> m = new TreeMap<>();
    double[] kw = {1, 2, 3, 4, 5, 6};
    for (int i = 0; i < kw.length; i++) {
      m.put(T0.plus(ten.multipliedBy(i)), kw[i]);
    }
    LoadHistory q = LoadHistory.of(ten, m).resampled(Q);
    // [0,15) = (10×1 + 5×2)/15; [15,30) = (5×2 + 10×3)/15; [30,45) = (10×4 + 5×5)/15; [45,60) =
    // (5×5 + 10×6)/15
    assertThat(q.interval()).isEqualTo(Q);
    assertThat(q.meanKwByStart().values())
        .containsExactly(20.0 / 15, 40.0 / 15, 65.0 / 15, 85.0 / 15);
  }

  @Test
  void shouldKeepOnlyWhatWasKnownBeforeAnInstant() {
    LoadHistory h = quarterHours(1.0, 2.0, 3.0);
    LoadHistory before = h.before(T0.plus(Q.multipliedBy(2)));
    assertThat(before.meanKwByStart().values()).containsExactly(1.0, 2.0);
    assertThat(before.meanKw(T0.plus(Q.multipliedBy(2)), T0.plus(Q.multipliedBy(3)))).isEmpty();
  }
}
