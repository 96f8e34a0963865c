package io.voltstream.energy.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.energy.dr.AutoAnswerPolicy.CurrentFlexibility;
import io.voltstream.energy.dr.AutoAnswerPolicy.Decision;
import io.voltstream.energy.dr.AutoAnswerPolicy.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutoAnswerPolicyTest {
  static final Instant START = Instant.parse("2026-11-30T12:00:00Z");
  // Needed: 2 kW × 1.1 = 2.2 kW; incentive at least 0.20 €/kWh.
  static final DrSettings SETTINGS = new DrSettings(true, 0.20, 1.1);
  static final Request REQUEST = new Request(2.0, START, Duration.ofHours(1), 0.30);
  static final FlexibilityForecast FORECAST_OK =
      new FlexibilityForecast(1.8, 0.6, FlexibilityForecast.CURRENT_POWER); // 2.4 kW

  @Test
  void shouldOptInWhenCurrentAndForecastCoverTheRequestWithMargin() {
    Decision d =
        AutoAnswerPolicy.decide(
            SETTINGS, REQUEST, Optional.of(new CurrentFlexibility(3.0, 2.5)), FORECAST_OK);
    assertThat(d.optIn()).isTrue();
    assertThat(d.reason())
        .isEqualTo(
            "current flexibility 2.50 kW (down now 3.00, over the hour 2.50) and forecast"
                + " flexibility 2.40 kW (battery 1.80 kW + loads 0.60 kW, current_power) cover"
                + " 2.20 kW needed (2.00 kW × 1.10); incentive 0.300 ≥ 0.200 €/kWh");
  }

  @Test
  void shouldOptInAtExactlyTheNeededFigure() {
    Decision d =
        AutoAnswerPolicy.decide(
            SETTINGS,
            REQUEST,
            Optional.of(new CurrentFlexibility(2.2, 2.2)),
            new FlexibilityForecast(2.2, 0, FlexibilityForecast.CURRENT_POWER));
    assertThat(d.optIn()).isTrue();
  }

  @Test
  void shouldOptOutWhenTheCurrentFlexibilityHeldOverTheHourFallsShort() {
    // Plenty now (5 kW) but only 2.1 kW can be held over the hour: 2.1 < 2.2.
    Decision d =
        AutoAnswerPolicy.decide(
            SETTINGS, REQUEST, Optional.of(new CurrentFlexibility(5.0, 2.1)), FORECAST_OK);
    assertThat(d.optIn()).isFalse();
    assertThat(d.reason())
        .isEqualTo(
            "current flexibility 2.10 kW (down now 5.00, over the hour 2.10) < 2.20 kW needed"
                + " (2.00 kW × 1.10)");
  }

  @Test
  void shouldOptOutWhenTheForecastFallsShort() {
    Decision d =
        AutoAnswerPolicy.decide(
            SETTINGS,
            REQUEST,
            Optional.of(new CurrentFlexibility(3.0, 3.0)),
            new FlexibilityForecast(1.0, 1.0, FlexibilityForecast.CAPPED_BY_FORECAST));
    assertThat(d.optIn()).isFalse();
    assertThat(d.reason())
        .isEqualTo(
            "forecast flexibility 2.00 kW (battery 1.00 kW + loads 1.00 kW,"
                + " capped_by_consumption_forecast) < 2.20 kW needed (2.00 kW × 1.10)");
  }

  @Test
  void shouldOptOutBelowTheMinimumIncentiveEvenWithEnoughFlexibility() {
    Decision d =
        AutoAnswerPolicy.decide(
            SETTINGS,
            new Request(2.0, START, Duration.ofHours(1), 0.15),
            Optional.of(new CurrentFlexibility(9, 9)),
            FORECAST_OK);
    assertThat(d.optIn()).isFalse();
    assertThat(d.reason()).isEqualTo("incentive 0.150 €/kWh below the minimum 0.200 €/kWh");
  }

  @Test
  void shouldOptOutWithoutCurrentFlexibilityAndListEveryShortfall() {
    Decision d =
        AutoAnswerPolicy.decide(
            SETTINGS,
            new Request(2.0, START, Duration.ofHours(1), 0.10),
            Optional.empty(),
            new FlexibilityForecast(0, 0, FlexibilityForecast.CURRENT_POWER));
    assertThat(d.optIn()).isFalse();
    assertThat(d.reason())
        .startsWith(AutoAnswerPolicy.NO_CURRENT_FLEXIBILITY + "; incentive 0.100")
        .endsWith(
            "forecast flexibility 0.00 kW (battery 0.00 kW + loads 0.00 kW, current_power) < 2.20"
                + " kW needed (2.00 kW × 1.10)");
  }
}
