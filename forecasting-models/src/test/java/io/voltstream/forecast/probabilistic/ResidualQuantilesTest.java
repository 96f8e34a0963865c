package io.voltstream.forecast.probabilistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.forecast.probabilistic.ResidualQuantiles.Interval;
import io.voltstream.forecast.probabilistic.ResidualQuantiles.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResidualQuantilesTest {
  private static final Duration LEAD_1H = Duration.ofHours(1);
  private static final Duration LEAD_12H = Duration.ofHours(12);
  private static final Duration LEAD_23H = Duration.ofHours(23);

  /** 100 samples at a lead: forecast 2 kWh, actual 2·(1 + r) with r = −0.5, −0.49, …, +0.49. */
  private static List<Sample> uniformRelativeErrors(Duration lead, double spread) {
    var out = new ArrayList<Sample>();
    for (int i = 0; i < 100; i++) {
      double r = spread * (i - 50) / 50.0;
      out.add(new Sample(lead, 2.0, 2.0 * (1 + r)));
    }
    return out;
  }

  @Test
  void shouldInterpolateQuantilesLikeNumpy() {
    double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    // h = 9·0.1 = 0.9 → 1 + 0.9·(2−1); h = 9·0.9 = 8.1 → 9 + 0.1·(10−9)
    assertThat(ResidualQuantiles.quantile(sorted, 0.1)).isCloseTo(1.9, within(1e-12));
    assertThat(ResidualQuantiles.quantile(sorted, 0.9)).isCloseTo(9.1, within(1e-12));
    assertThat(ResidualQuantiles.quantile(new double[] {4}, 0.9)).isEqualTo(4);
  }

  @Test
  void shouldScaleTheIntervalWithTheForecastLevel() {
    var q = ResidualQuantiles.fit(uniformRelativeErrors(LEAD_1H, 0.5));
    // relative errors −0.5 … +0.49 in steps of 0.01: P10 = −0.401, P90 = 0.391 (type 7)
    Interval at2 = q.apply(LEAD_1H, 2.0).orElseThrow();
    assertThat(at2.p50Kwh()).isEqualTo(2.0);
    assertThat(at2.p10Kwh()).isCloseTo(2.0 * (1 - 0.401), within(1e-9));
    assertThat(at2.p90Kwh()).isCloseTo(2.0 * (1 + 0.391), within(1e-9));
    Interval at10 = q.apply(LEAD_1H, 10.0).orElseThrow();
    assertThat(at10.p90Kwh() - at10.p10Kwh())
        .isCloseTo(5 * (at2.p90Kwh() - at2.p10Kwh()), within(1e-9));
  }

  @Test
  void shouldKeepOneSetOfQuantilesPerLeadBand() {
    var samples = new ArrayList<Sample>();
    samples.addAll(uniformRelativeErrors(LEAD_1H, 0.1));
    samples.addAll(uniformRelativeErrors(LEAD_12H, 0.3));
    samples.addAll(uniformRelativeErrors(LEAD_23H, 0.5));
    var q = ResidualQuantiles.fit(samples);
    double near = width(q.apply(Duration.ofHours(5), 2.0).orElseThrow());
    double mid = width(q.apply(Duration.ofHours(6), 2.0).orElseThrow());
    double dayAhead = width(q.apply(Duration.ofHours(30), 2.0).orElseThrow());
    assertThat(near).isCloseTo(2.0 * (0.0782 + 0.0802), within(1e-9));
    assertThat(mid).isCloseTo(3 * near, within(1e-9));
    assertThat(dayAhead).isCloseTo(5 * near, within(1e-9));
    assertThat(q.samples(LeadBand.H0_6)).isEqualTo(100);
  }

  @Test
  void shouldBorrowThePooledErrorsWhenABandHasTooFewSamples() {
    var samples = new ArrayList<Sample>(uniformRelativeErrors(LEAD_23H, 0.5));
    samples.add(new Sample(LEAD_1H, 2.0, 20.0)); // one wild short-lead error: not enough alone
    var q = ResidualQuantiles.fit(samples);
    assertThat(q.samples(LeadBand.H0_6)).isEqualTo(101);
    assertThat(q.samples(LeadBand.DAY_AHEAD)).isEqualTo(100);
    assertThat(q.apply(LEAD_1H, 2.0).orElseThrow().p90Kwh()).isLessThan(3.0);
  }

  @Test
  void shouldGiveNoIntervalFromTooFewSamples() {
    var few =
        uniformRelativeErrors(LEAD_1H, 0.5).subList(0, ResidualQuantiles.MIN_BAND_SAMPLES - 1);
    var q = ResidualQuantiles.fit(few);
    assertThat(q.isFitted()).isFalse();
    assertThat(q.apply(LEAD_1H, 2.0)).isEmpty();
    assertThat(ResidualQuantiles.fit(List.of()).apply(LEAD_1H, 1.0)).isEmpty();
  }

  @Test
  void shouldClipAtZeroAndNeverInvertTheInterval() {
    var samples = new ArrayList<Sample>();
    for (int i = 0; i < 50; i++) {
      // actual 0 or four times the forecast: P10 error −1.0 would reach 0, P90 +3
      samples.add(new Sample(LEAD_1H, 1.0, i % 2 == 0 ? 0.0 : 4.0));
    }
    var q = ResidualQuantiles.fit(samples, 0.01);
    Interval iv = q.apply(LEAD_1H, 1.0).orElseThrow();
    assertThat(iv.p10Kwh()).isEqualTo(0.0);
    assertThat(iv.p90Kwh()).isCloseTo(4.0, within(1e-9));
    assertThat(q.apply(LEAD_1H, -0.2).orElseThrow().p50Kwh()).isEqualTo(0.0);

    var biased = new ArrayList<Sample>();
    for (int i = 0; i < 50; i++) {
      biased.add(new Sample(LEAD_1H, 1.0, 1.5 + i * 0.01)); // always under-forecast
    }
    Interval b = ResidualQuantiles.fit(biased).apply(LEAD_1H, 1.0).orElseThrow();
    assertThat(b.p10Kwh()).isEqualTo(b.p50Kwh()).isEqualTo(1.0);
    assertThat(b.p90Kwh()).isGreaterThan(1.5);
  }

  @Test
  void shouldGiveAZeroForecastAnIntervalFromTheFloor() {
    var samples = new ArrayList<Sample>(uniformRelativeErrors(LEAD_1H, 0.5)); // mean actual ≈ 2
    for (int i = 0; i < 30; i++) {
      samples.add(new Sample(LEAD_1H, 0.0, 0.2)); // zero forecasts, small actuals
    }
    var q = ResidualQuantiles.fit(samples);
    // mean actual = (199 + 30·0.2) / 130
    assertThat(q.floorKwh()).isCloseTo(0.25 * 205 / 130, within(1e-9));
    Interval zero = q.apply(LEAD_1H, 0.0).orElseThrow();
    assertThat(zero.p50Kwh()).isEqualTo(0.0);
    assertThat(zero.p90Kwh()).isGreaterThan(0.0).isLessThan(q.floorKwh());
  }

  @Test
  void shouldIgnoreNonFiniteSamples() {
    var samples = new ArrayList<Sample>(uniformRelativeErrors(LEAD_1H, 0.5));
    samples.add(new Sample(LEAD_1H, Double.NaN, 1.0));
    samples.add(new Sample(LEAD_1H, 1.0, Double.POSITIVE_INFINITY));
    assertThat(ResidualQuantiles.fit(samples).samples(LeadBand.H0_6)).isEqualTo(100);
    assertThat(ResidualQuantiles.fit(samples).apply(LEAD_1H, Double.NaN)).isEmpty();
  }

  @Test
  void shouldCoverAboutEightyPercentOfUnseenHours() {
    var rnd = new Random(42);
    var train = new ArrayList<Sample>();
    for (int i = 0; i < 2000; i++) {
      double f = 0.5 + 3 * rnd.nextDouble();
      train.add(new Sample(LEAD_23H, f, f * Math.exp(0.3 * rnd.nextGaussian())));
    }
    var q = ResidualQuantiles.fit(train);
    int covered = 0;
    int n = 2000;
    for (int i = 0; i < n; i++) {
      double f = 0.5 + 3 * rnd.nextDouble();
      double actual = f * Math.exp(0.3 * rnd.nextGaussian());
      Interval iv = q.apply(LEAD_23H, f).orElseThrow();
      if (actual >= iv.p10Kwh() && actual <= iv.p90Kwh()) {
        covered++;
      }
    }
    assertThat(covered / (double) n).isBetween(0.77, 0.83);
  }

  @Test
  void shouldRejectABadFloor() {
    assertThatThrownBy(() -> ResidualQuantiles.fit(List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("floorFraction");
  }

  @Test
  void shouldBandLeadsAtSixAndTwentyThreeHours() {
    assertThat(LeadBand.of(Duration.ZERO)).isEqualTo(LeadBand.H0_6);
    assertThat(LeadBand.of(Duration.ofHours(6).minusNanos(1))).isEqualTo(LeadBand.H0_6);
    assertThat(LeadBand.of(Duration.ofHours(6))).isEqualTo(LeadBand.H6_24);
    assertThat(LeadBand.of(Duration.ofHours(22))).isEqualTo(LeadBand.H6_24);
    assertThat(LeadBand.of(Duration.ofHours(23))).isEqualTo(LeadBand.DAY_AHEAD);
    assertThat(LeadBand.of(Duration.ofHours(24))).isEqualTo(LeadBand.DAY_AHEAD);
    assertThat(LeadBand.DAY_AHEAD.id()).isEqualTo("day_ahead");
    assertThatThrownBy(() -> LeadBand.of(Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static double width(Interval i) {
    return i.p90Kwh() - i.p10Kwh();
  }
}
