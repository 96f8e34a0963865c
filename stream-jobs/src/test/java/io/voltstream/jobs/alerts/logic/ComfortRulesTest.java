package io.voltstream.jobs.alerts.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SystemEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ComfortRulesTest {

  private static final Instant W = Instant.parse("2026-01-05T10:00:00Z");
  private final AlertThresholds t = AlertThresholds.defaults();

  @Test
  void shouldRaiseCo2HighAboveTheLimitWithADeterministicId() {
    assertThat(ComfortRules.evaluate(metrics(1200.0, 21.0), t))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo("co2_high");
              assertThat(e.eventId()).isEqualTo("co2_high:kitchen:" + W.toEpochMilli());
              assertThat(e.timestamp()).isEqualTo(W);
              assertThat(e.room()).isEqualTo("kitchen");
              assertThat(e.value()).isEqualTo(1200.0);
              assertThat(e.threshold()).isEqualTo(1000.0);
              assertThat(e.severity()).isEqualTo(SystemEvent.Severity.WARNING);
            });
  }

  @Test
  void shouldNotAlertAtExactlyTheLimitsOrWithinTheBand() {
    assertThat(ComfortRules.evaluate(metrics(1000.0, 28.0), t)).isEmpty();
    assertThat(ComfortRules.evaluate(metrics(400.0, 16.0), t)).isEmpty();
  }

  @Test
  void shouldRaiseTemperatureHighAndLowOutsideTheBand() {
    assertThat(ComfortRules.evaluate(metrics(null, 29.5), t))
        .extracting(SystemEvent::kind)
        .containsExactly("temperature_high");
    assertThat(ComfortRules.evaluate(metrics(null, 15.0), t))
        .extracting(SystemEvent::kind)
        .containsExactly("temperature_low");
  }

  @Test
  void shouldRaiseBothWhenCo2AndTemperatureAreOff() {
    assertThat(ComfortRules.evaluate(metrics(1500.0, 30.0), t))
        .extracting(SystemEvent::kind)
        .containsExactly("co2_high", "temperature_high");
  }

  @Test
  void shouldIgnoreRoomsWithoutClimateMetrics() {
    assertThat(ComfortRules.evaluate(metrics(null, null), t)).isEmpty();
  }

  @Test
  void shouldIgnoreAggregatesWithoutRoomOrWindowInsteadOfFailing() {
    assertThat(
            ComfortRules.evaluate(
                new RoomMetrics(null, null, W, null, null, null, null, 2000.0, 40.0, null, null, 1),
                t))
        .isEmpty();
    assertThat(
            ComfortRules.evaluate(
                new RoomMetrics(
                    "k", null, null, null, null, null, null, 2000.0, 40.0, null, null, 1),
                t))
        .isEmpty();
  }

  private static RoomMetrics metrics(Double co2, Double temp) {
    return new RoomMetrics(
        "kitchen", "hq", W, W.plusSeconds(60), 0.1, 10.0, 10.0, co2, temp, 40.0, null, 3);
  }
}
