package io.voltstream.sim.device.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PowerModelsTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Brussels");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** Energy [kWh] the model draws over {@code minutes} from {@code from}. */
  private static double energyKwh(
      PowerModel m, Instant from, int minutes, boolean on, Double setpoint) {
    double kwh = 0;
    for (int i = 0; i < minutes; i++) {
      kwh +=
          m.stepW(from.plus(MINUTE.multipliedBy(i)), MINUTE, on, setpoint, Surroundings.MILD)
              / 60_000.0;
    }
    return kwh;
  }

  @Test
  void shouldCapTheHeatPumpAtItsRatingAndKeepAMinimumModulationWhileRunning() {
    assertThat(HvacModel.loadFraction(21.0, new Surroundings(15.0, -10.0))).isEqualTo(1.0);
    assertThat(HvacModel.loadFraction(21.0, new Surroundings(21.0, 20.0)))
        .isEqualTo(HvacModel.MIN_FRACTION);
    // cooling: 26 °C setpoint, 32 °C outside, room at 27 °C: 0.04·6 + 0.15·1
    assertThat(HvacModel.loadFraction(26.0, new Surroundings(27.0, 32.0)))
        .isCloseTo(0.39, within(1e-9));
  }

  @Test
  void shouldCycleTheWaterHeaterAndRecoverTheEnergyDeferredWhileOff() {
    Instant morning = Instant.parse("2026-03-10T05:00:00Z"); // 06:00 local, showers follow
    WaterHeaterModel normal = new WaterHeaterModel(2400, ZONE, 0.0);
    WaterHeaterModel shifted = new WaterHeaterModel(2400, ZONE, 0.0);
    double normalKwh = energyKwh(normal, morning, 6 * 60, true, null);
    double offKwh = energyKwh(shifted, morning, 2 * 60, false, null);
    double laterKwh = energyKwh(shifted, morning.plus(Duration.ofHours(2)), 4 * 60, true, null);
    assertThat(offKwh).isZero();
    assertThat(shifted.deficitKwh()).isLessThan(WaterHeaterModel.START_DEFICIT_KWH);
    // the same hot water was used: the energy is consumed later, not saved (within one band)
    assertThat(laterKwh).isCloseTo(normalKwh, within(WaterHeaterModel.START_DEFICIT_KWH));
    assertThat(normalKwh).isGreaterThan(2.0);
  }

  @Test
  void shouldRunTheWaterHeaterOnAThermostatDutyCycle() {
    WaterHeaterModel tank = new WaterHeaterModel(2400, ZONE, 0.0);
    Instant night = Instant.parse("2026-03-10T00:00:00Z"); // 01:00 local, losses only
    int running = 0;
    for (int i = 0; i < 24 * 60; i++) {
      if (tank.stepW(night.plus(MINUTE.multipliedBy(i)), MINUTE, true, null, Surroundings.MILD)
          > 0) {
        running++;
      }
    }
    assertThat(running).isBetween(30, 24 * 60 / 2);
  }

  @Test
  void shouldChargeTheEvOnlyWhileACarIsPluggedInAndNeedsEnergy() {
    EvChargerModel ev = new EvChargerModel(7400, ZONE, 3);
    Instant noCar = Instant.parse("2026-03-10T07:00:00Z"); // 08:00 local
    assertThat(ev.sessionAt(noCar)).isNull();
    assertThat(ev.stepW(noCar, MINUTE, true, 7400.0, Surroundings.MILD)).isZero();
    Instant midday = Instant.parse("2026-03-10T09:00:00Z"); // 10:00 local
    double kwh = energyKwh(ev, midday, 5 * 60 - 1, true, 7400.0);
    assertThat(kwh).isBetween(3.0, 6.0);
    assertThat(ev.remainingKwh()).isZero();
  }
}
