package io.voltstream.api.iot;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.api.iot.DeviceStates.MeterPower;
import io.voltstream.api.iot.DeviceStates.State;
import io.voltstream.api.iot.dto.StateCounts;
import io.voltstream.energy.device.ControlCapability;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.device.DeviceType;
import io.voltstream.energy.device.FlexibilityKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceStatesTest {
  private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
  private static final Duration FRESH = Duration.ofMinutes(5);

  private static DeviceSpec device(
      String id,
      String room,
      DeviceType type,
      double ratedW,
      boolean controllable,
      FlexibilityKind flex) {
    Set<ControlCapability> caps =
        !controllable
            ? Set.of()
            : switch (flex) {
              case CURTAILABLE -> Set.of(ControlCapability.ON_OFF, ControlCapability.CURTAIL);
              case SHIFTABLE -> Set.of(ControlCapability.ON_OFF, ControlCapability.SHIFT);
              case NONE -> Set.of(ControlCapability.ON_OFF);
            };
    return new DeviceSpec(
        id,
        "demo",
        room,
        null,
        type,
        ratedW,
        controllable,
        flex != FlexibilityKind.NONE,
        flex,
        caps,
        null,
        null,
        null,
        null);
  }

  @Test
  void shouldCallADeviceOnAbove5PercentOfItsRatingAndUnknownWithoutAFreshReading() {
    DeviceSpec heater =
        device("h", "bath", DeviceType.WATER_HEATER, 2000, true, FlexibilityKind.SHIFTABLE);
    assertThat(DeviceStates.stateOf(heater, new MeterPower(101, NOW), NOW, FRESH))
        .isEqualTo(State.ON);
    assertThat(DeviceStates.stateOf(heater, new MeterPower(100, NOW), NOW, FRESH))
        .isEqualTo(State.OFF);
    assertThat(DeviceStates.stateOf(heater, new MeterPower(0, NOW), NOW, FRESH))
        .isEqualTo(State.OFF);
    assertThat(DeviceStates.stateOf(heater, null, NOW, FRESH)).isEqualTo(State.UNKNOWN);
    assertThat(
            DeviceStates.stateOf(
                heater, new MeterPower(1500, NOW.minus(FRESH).minusMillis(1)), NOW, FRESH))
        .isEqualTo(State.UNKNOWN);
    assertThat(DeviceStates.stateOf(heater, new MeterPower(1500, NOW.minus(FRESH)), NOW, FRESH))
        .isEqualTo(State.ON);
  }

  @Test
  void shouldCountByStateTypeAndRoomAndSumControllableAndCurtailablePower() {
    List<DeviceSpec> devices =
        List.of(
            device("hvac", "living", DeviceType.HVAC, 2500, true, FlexibilityKind.CURTAILABLE),
            device(
                "plugs", "kitchen", DeviceType.PLUG_LOAD, 400, true, FlexibilityKind.CURTAILABLE),
            device("ev", "garage", DeviceType.EV_CHARGER, 7400, true, FlexibilityKind.SHIFTABLE),
            device("fan", "office", DeviceType.VENTILATION, 60, true, FlexibilityKind.NONE),
            device("fridge", "kitchen", DeviceType.PLUG_LOAD, 150, false, FlexibilityKind.NONE),
            device("tank", "bath", DeviceType.WATER_HEATER, 2400, true, FlexibilityKind.SHIFTABLE));
    Map<String, MeterPower> latest =
        Map.of(
            "hvac", new MeterPower(1800, NOW.minusSeconds(10)),
            "plugs", new MeterPower(320, NOW.minusSeconds(5)),
            "ev", new MeterPower(3700, NOW.minusSeconds(600)), // stale: unknown, not summed
            "fan", new MeterPower(0, NOW),
            "fridge", new MeterPower(90, NOW),
            "tank", new MeterPower(2000, NOW));
    DeviceStates.Summary s = DeviceStates.summarize(devices, latest, NOW, FRESH);
    assertThat(s.counts()).isEqualTo(new StateCounts(6, 4, 1, 1));
    assertThat(s.byType())
        .containsEntry("plug_load", new StateCounts(2, 2, 0, 0))
        .containsEntry("ev_charger", new StateCounts(1, 0, 0, 1))
        .containsEntry("ventilation", new StateCounts(1, 0, 1, 0))
        .containsEntry("hvac", new StateCounts(1, 1, 0, 0));
    assertThat(s.byRoom()).containsEntry("kitchen", new StateCounts(2, 2, 0, 0)).hasSize(5);
    // controllable: hvac 1800 + plugs 320 + fan 0 + tank 2000 (the EV is stale, the fridge is not
    // controllable)
    assertThat(s.controllablePowerW()).isEqualTo(4120.0);
    // curtailable: the DR-enabled curtailable ones: hvac + plugs
    assertThat(s.curtailablePowerW()).isEqualTo(2120.0);
  }

  @Test
  void shouldSummariseNoDevicesAsZeros() {
    DeviceStates.Summary s = DeviceStates.summarize(List.of(), Map.of(), NOW, FRESH);
    assertThat(s.counts()).isEqualTo(new StateCounts(0, 0, 0, 0));
    assertThat(s.controllablePowerW()).isZero();
    assertThat(s.byRoom()).isEmpty();
  }
}
