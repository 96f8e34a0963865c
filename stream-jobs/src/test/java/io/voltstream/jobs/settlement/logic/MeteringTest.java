package io.voltstream.jobs.settlement.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.jobs.dispatch.logic.BatteryReading;
import io.voltstream.jobs.dispatch.logic.SensorPower;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeteringTest {
  static final Instant T = Instant.parse("2026-01-14T11:10:00Z");
  static final Duration STALE = Duration.ofMinutes(2);
  static final double EPS = 1e-9;

  static MeterSensor meter(String room, double w, boolean pv, Instant at) {
    return new MeterSensor(room, new SensorPower(w, pv, at));
  }

  @Test
  void shouldSplitAtTheSlotBoundaryAndPerRoom() {
    // 3 kW load in the kitchen and 1 kW PV on the roof from 11:10 to 11:20 (fresh throughout).
    List<Metering.Increment> incs =
        Metering.integrate(
            T,
            T.plusSeconds(600),
            List.of(meter("kitchen", 3000, false, T), meter("roof", 1000, true, T)),
            List.of(),
            Duration.ofMinutes(30));
    assertThat(incs)
        .extracting(i -> i.slot().toString() + "/" + i.room())
        .containsExactly(
            "2026-01-14T11:00:00Z/null",
            "2026-01-14T11:00:00Z/kitchen",
            "2026-01-14T11:00:00Z/roof",
            "2026-01-14T11:15:00Z/null",
            "2026-01-14T11:15:00Z/kitchen",
            "2026-01-14T11:15:00Z/roof");
    assertThat(incs.get(0).energy().importKwh()).isCloseTo(2.0 / 12, within(EPS));
    assertThat(incs.get(0).energy().meteredSeconds()).isEqualTo(300.0);
    assertThat(incs.get(2).energy().exportKwh()).isCloseTo(1.0 / 12, within(EPS));
  }

  @Test
  void shouldStopHoldingAPowerOnceItIsStale() {
    // The meter read 2 kW at 11:09; it holds until 11:11, then nothing is known.
    List<Metering.Increment> incs =
        Metering.integrate(
            T,
            T.plusSeconds(240),
            List.of(meter("kitchen", 2000, false, T.minusSeconds(60))),
            List.of(new BatteryReading(50, -1000, T.minusSeconds(30))),
            STALE);
    double imported =
        incs.stream().filter(i -> i.room() == null).mapToDouble(i -> i.energy().importKwh()).sum();
    double metered =
        incs.stream()
            .filter(i -> i.room() == null)
            .mapToDouble(i -> i.energy().meteredSeconds())
            .sum();
    double discharged =
        incs.stream()
            .filter(i -> i.room() == null)
            .mapToDouble(i -> i.energy().batteryDischargeKwh())
            .sum();
    // 60 s of 2 kW − 1 kW battery, then 30 s of the battery alone (export), then nothing.
    assertThat(imported).isCloseTo(1.0 / 60, within(EPS));
    assertThat(metered).isEqualTo(60.0);
    assertThat(discharged).isCloseTo(1.0 / 40, within(EPS));
  }

  @Test
  void shouldIgnoreAnEnergyOnlyMeterUntilItsPowerIsKnown() {
    assertThat(
            Metering.integrate(
                T,
                T.plusSeconds(60),
                List.of(meter("kitchen", Double.NaN, false, T)),
                List.of(),
                STALE))
        .isEmpty();
  }
}
