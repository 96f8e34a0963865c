package io.voltstream.jobs.alerts.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SilenceAndLateBurstRulesTest {

  private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void shouldStampTheSilenceEventAtLastSeenPlusSilence() {
    var e = SilenceRule.silentEvent("m1", "kitchen", T, Duration.ofMinutes(5));
    assertThat(e.timestamp()).isEqualTo(T.plusSeconds(300));
    assertThat(e.eventId()).isEqualTo("sensor_silent:m1:" + T.plusSeconds(300).toEpochMilli());
    assertThat(e.sensorId()).isEqualTo("m1");
    assertThat(e.room()).isEqualTo("kitchen");
  }

  @Test
  void shouldKeepTheNewerOfTwoTimes() {
    assertThat(SilenceRule.latest(null, T)).isEqualTo(T);
    assertThat(SilenceRule.latest(T, T.minusSeconds(1))).isEqualTo(T);
    assertThat(SilenceRule.latest(T, T.plusSeconds(1))).isEqualTo(T.plusSeconds(1));
  }

  @Test
  void shouldBucketLateReadingsByArrivalMinuteAndFallBackToEventTime() {
    var withArrival = reading(T.minusSeconds(600), T.plusSeconds(59), "k");
    var withoutArrival = reading(T.plusSeconds(61), null, "k");
    assertThat(LateBurstRule.bucket(withArrival)).isEqualTo(T);
    assertThat(LateBurstRule.bucket(withoutArrival)).isEqualTo(T.plusSeconds(60));
    assertThat(LateBurstRule.room(reading(T, null, null))).isEqualTo("unassigned");
  }

  @Test
  void shouldRaiseABurstOnlyAboveTheThreshold() {
    assertThat(LateBurstRule.evaluate("k", T, 10, 10)).isEmpty();
    assertThat(LateBurstRule.evaluate("k", T, 11, 10))
        .hasValueSatisfying(
            e -> {
              assertThat(e.kind()).isEqualTo("late_data_burst");
              assertThat(e.eventId()).isEqualTo("late_data_burst:k:" + T.toEpochMilli());
              assertThat(e.value()).isEqualTo(11.0);
            });
  }

  @Test
  void shouldRejectAnEmptyTemperatureBand() {
    assertThatThrownBy(() -> new AlertThresholds(1000, 28, 16, Duration.ofMinutes(5), 10))
        .hasMessageContaining("temperature band is empty");
  }

  private static SensorReading reading(Instant ts, Instant ingestedAt, String room) {
    return new SensorReading(
        "m1", ts, room, SensorType.ENERGY, 0.1, null, null, null, null, null, null, ingestedAt);
  }
}
