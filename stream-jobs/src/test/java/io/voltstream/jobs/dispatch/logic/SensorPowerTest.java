package io.voltstream.jobs.dispatch.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensorPowerTest {
  private static final Instant T = Instant.parse("2026-04-15T10:00:00Z");

  private static SensorReading reading(
      SensorType type, Double energyKwh, Double powerW, Double generationKwh, Instant at) {
    return new SensorReading(
        "s", at, null, type, energyKwh, powerW, null, null, null, null, generationKwh, at);
  }

  @Test
  void shouldTurnEnergyOnlyPvReadingsIntoGenerationPowerFromTheSecondReadingOn() {
    SensorPower first =
        SensorPower.next(
            null, SensorPower.Sample.of(reading(SensorType.PV, null, null, 0.01, T)).orElseThrow());
    assertThat(first.powerW()).isNaN();
    assertThat(SensorPower.netLoadW(List.of(first))).isEmpty();

    SensorPower second =
        SensorPower.next(
            first,
            SensorPower.Sample.of(reading(SensorType.PV, null, null, 0.01, T.plusSeconds(10)))
                .orElseThrow());

    assertThat(second.generation()).isTrue();
    assertThat(second.powerW()).isCloseTo(3600, within(1e-9)); // 0.01 kWh in 10 s
  }

  @Test
  void shouldPreferPowerAndCountPvAsGeneration() {
    SensorPower meter =
        SensorPower.next(
            null,
            SensorPower.Sample.of(reading(SensorType.MULTI, 0.002, 700.0, null, T)).orElseThrow());
    SensorPower roof =
        SensorPower.next(
            null,
            SensorPower.Sample.of(reading(SensorType.PV, null, 2500.0, null, T)).orElseThrow());

    assertThat(SensorPower.netLoadW(List.of(meter, roof))).hasValue(-1800);
    assertThat(SensorPower.Sample.of(reading(SensorType.CO2, null, null, null, T))).isEmpty();
  }

  @Test
  void shouldIgnoreAnOlderReading() {
    SensorPower now =
        SensorPower.next(
            null,
            SensorPower.Sample.of(reading(SensorType.POWER, null, 500.0, null, T)).orElseThrow());
    SensorPower older =
        SensorPower.next(
            now,
            SensorPower.Sample.of(reading(SensorType.POWER, null, 900.0, null, T.minusSeconds(5)))
                .orElseThrow());

    assertThat(older).isEqualTo(now);
  }
}
