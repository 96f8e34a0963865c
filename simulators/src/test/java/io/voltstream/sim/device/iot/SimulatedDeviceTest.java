package io.voltstream.sim.device.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.scenario.DemoDevices;
import io.voltstream.sim.scenario.DemoDevices.DemoDevice;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatedDeviceTest {
  /** A weekday, 10:00 Brussels. */
  private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");

  private static final Surroundings COLD = new Surroundings(20.5, 5.0);

  private static SimulatedDevice device(String id) {
    DemoDevice d =
        DemoDevices.all().stream().filter(x -> x.spec().id().equals(id)).findFirst().orElseThrow();
    return new SimulatedDevice(
        d.spec(), PowerModels.of(d.spec(), DemoBuilding.ZONE, 7), d.defaults(), 7, 0.02, T0, T0);
  }

  private static SimulatedDevice.Request req(String id, String action, Double value, Long dur) {
    return new SimulatedDevice.Request(id, action, value, dur, T0.plusSeconds(3600));
  }

  @Test
  void shouldMeterThePlugLoadWhileOnAndNothingAfterItIsSwitchedOff() {
    SimulatedDevice plugs = device(DemoDevices.KITCHEN_PLUGS);
    SimulatedDevice.Meter on = plugs.read(T0.plusSeconds(60), T0.plusSeconds(60), COLD);
    // 10:00 local on a weekday: 80 % of the 400 W rated, ± 2 % noise
    assertThat(on.powerW()).isCloseTo(320, within(25.0));
    assertThat(on.energyKwh()).isCloseTo(on.powerW() / 60.0 / 1000.0, within(1e-6));

    SimulatedDevice.Answer a =
        plugs.onInstruction(
            req("c1", "off", null, null), T0.plusSeconds(60), T0.plusSeconds(60), COLD);
    assertThat(a.applied()).isTrue();
    assertThat(plugs.commandId()).isEqualTo("c1");
    SimulatedDevice.Meter off = plugs.read(T0.plusSeconds(120), T0.plusSeconds(120), COLD);
    assertThat(off.powerW()).isZero();
    assertThat(off.energyKwh()).isZero();
    assertThat(off.on()).isFalse();
  }

  @Test
  void shouldRevertToItsDefaultWhenTheDurationEnds() {
    SimulatedDevice plugs = device(DemoDevices.OFFICE_PLUGS);
    plugs.onInstruction(req("c1", "off", null, 120L), T0, T0, COLD);
    assertThat(plugs.isOn(T0.plusSeconds(119))).isFalse();
    assertThat(plugs.isOn(T0.plusSeconds(120))).isTrue();
    // a reading spanning the end: off for 120 s, on for 120 s → about half the on power
    SimulatedDevice.Meter m = plugs.read(T0.plusSeconds(240), T0.plusSeconds(240), COLD);
    assertThat(m.on()).isTrue();
    assertThat(m.powerW()).isCloseTo(0.5 * 0.8 * 300, within(12.0));
    assertThat(plugs.commandId()).isNull();
  }

  @Test
  void shouldEndTheDurationAtTheMatchingSimulatedInstantUnderAcceleration() {
    SimulatedDevice plugs = device(DemoDevices.OFFICE_PLUGS);
    plugs.onInstruction(req("c1", "off", null, 60L), T0, T0, COLD);
    // acceleration 10: 120 wall seconds = 1200 simulated seconds, off for the first 600 of them
    SimulatedDevice.Meter m = plugs.read(T0.plusSeconds(120), T0.plusSeconds(1200), COLD);
    assertThat(m.powerW()).isCloseTo(0.5 * 0.8 * 300, within(12.0));
  }

  @Test
  void shouldRejectAnActionItLacksTheCapabilityForWithTheSpecsReason() {
    SimulatedDevice fan = device(DemoDevices.OFFICE_VENTILATION);
    SimulatedDevice.Answer a = fan.onInstruction(req("c1", "setpoint", 2.0, null), T0, T0, COLD);
    assertThat(a.applied()).isFalse();
    assertThat(a.status()).isEqualTo("rejected");
    assertThat(a.reason()).contains("action").contains("no setpoint capability");
    assertThat(fan.isOn(T0)).isFalse();
  }

  @Test
  void shouldRejectExpiredMissingDeadlineBadDurationAndOutOfRangeSetpoints() {
    SimulatedDevice hvac = device(DemoDevices.LIVING_ROOM_HVAC);
    assertThat(
            hvac.onInstruction(
                    new SimulatedDevice.Request("c1", "off", null, null, T0), T0, T0, COLD)
                .reason())
        .isEqualTo("expired");
    assertThat(
            hvac.onInstruction(
                    new SimulatedDevice.Request("c2", "off", null, null, null), T0, T0, COLD)
                .reason())
        .isEqualTo("valid_until is required");
    assertThat(hvac.onInstruction(req("c3", "off", null, -1L), T0, T0, COLD).reason())
        .startsWith("duration_s");
    assertThat(hvac.onInstruction(req("c4", "setpoint", 30.0, null), T0, T0, COLD).reason())
        .contains("value")
        .contains("[16.0, 26.0]");
    assertThat(hvac.onInstruction(req("c5", "dance", null, null), T0, T0, COLD).reason())
        .contains("must be on, off or setpoint");
    assertThat(hvac.isOn(T0)).isTrue();
  }

  @Test
  void shouldAnswerARedeliveredCommandIdTheSameWay() {
    SimulatedDevice plugs = device(DemoDevices.KITCHEN_PLUGS);
    assertThat(plugs.onInstruction(req("c1", "off", null, null), T0, T0, COLD).applied()).isTrue();
    plugs.onInstruction(req("c2", "on", null, null), T0, T0, COLD);
    assertThat(plugs.onInstruction(req("c1", "off", null, null), T0, T0, COLD).applied()).isTrue();
    assertThat(plugs.isOn(T0)).as("the redelivery is not applied twice").isTrue();
  }

  @Test
  void shouldDrawLessHeatPumpPowerAtALowerSetpointAndNoneWhenOff() {
    SimulatedDevice hvac = device(DemoDevices.LIVING_ROOM_HVAC);
    Instant t1 = T0.plusSeconds(300);
    double at21 = hvac.read(t1, t1, COLD).powerW();
    hvac.onInstruction(req("c1", "setpoint", 17.0, null), t1, t1, COLD);
    Instant t2 = t1.plusSeconds(300);
    double at17 = hvac.read(t2, t2, COLD).powerW();
    // 21 °C vs 5 °C outdoor: 0.04·16 + 0.15·0.5 = 0.715 of 2500 W; 17 °C: 0.04·12 = 0.48
    assertThat(at21).isCloseTo(0.715 * 2500, within(60.0));
    assertThat(at17).isCloseTo(0.48 * 2500, within(50.0));
    hvac.onInstruction(req("c2", "off", null, null), t2, t2, COLD);
    Instant t3 = t2.plusSeconds(300);
    assertThat(hvac.read(t3, t3, COLD).powerW()).isZero();
  }

  @Test
  void shouldRunTheVentilationFanAtItsRatedPowerWhenSwitchedOn() {
    SimulatedDevice fan = device(DemoDevices.OFFICE_VENTILATION);
    assertThat(fan.read(T0.plusSeconds(30), T0.plusSeconds(30), COLD).powerW()).isZero();
    fan.onInstruction(req("c1", "on", null, null), T0.plusSeconds(30), T0.plusSeconds(30), COLD);
    assertThat(fan.read(T0.plusSeconds(90), T0.plusSeconds(90), COLD).powerW())
        .isCloseTo(60, within(5.0));
  }

  @Test
  void shouldGiveStrictlyIncreasingReadingTimestamps() {
    SimulatedDevice plugs = device(DemoDevices.KITCHEN_PLUGS);
    SimulatedDevice.Meter a = plugs.read(T0.plusSeconds(5), T0.plusSeconds(5), COLD);
    SimulatedDevice.Meter b = plugs.read(T0.plusSeconds(5), T0.plusSeconds(5), COLD);
    assertThat(b.at()).isAfter(a.at());
    assertThat(b.powerW()).as("a zero-length interval reports the current power").isPositive();
  }

  @Test
  void shouldCapEvChargingAtTheSetpointAndDeferTheEnergyWhenSwitchedOff() {
    // 10:00-15:00 local is the midday session: 3-6 kWh at the default 3700 W cap
    Instant start = Instant.parse("2026-03-10T09:05:00Z");
    DemoDevice d =
        DemoDevices.all().stream()
            .filter(x -> x.spec().id().equals(DemoDevices.EV_CHARGER))
            .findFirst()
            .orElseThrow();
    SimulatedDevice ev =
        new SimulatedDevice(
            d.spec(),
            PowerModels.of(d.spec(), DemoBuilding.ZONE, 7),
            d.defaults(),
            7,
            0.0,
            start,
            start);
    Instant t1 = start.plusSeconds(600);
    assertThat(ev.read(t1, t1, COLD).powerW()).isCloseTo(3700, within(1.0));
    ev.onInstruction(
        new SimulatedDevice.Request("c1", "setpoint", 2000.0, null, t1.plusSeconds(60)),
        t1,
        t1,
        COLD);
    Instant t2 = t1.plusSeconds(600);
    assertThat(ev.read(t2, t2, COLD).powerW()).isCloseTo(2000, within(1.0));
    ev.onInstruction(
        new SimulatedDevice.Request("c2", "off", null, 1800L, t2.plusSeconds(60)), t2, t2, COLD);
    Instant t3 = t2.plusSeconds(1800);
    assertThat(ev.read(t3, t3, COLD).powerW()).isZero();
    // back to its default (on, 3700 W) after the 30 min: the deferred energy is charged now
    Instant t4 = t3.plusSeconds(600);
    assertThat(ev.read(t4, t4, COLD).powerW()).isCloseTo(3700, within(1.0));
  }
}
