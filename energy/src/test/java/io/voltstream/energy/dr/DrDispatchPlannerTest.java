package io.voltstream.energy.dr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.device.ControlCapability;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.device.DeviceType;
import io.voltstream.energy.device.FlexibilityKind;
import io.voltstream.energy.dr.DrDispatchInputs.BatteryInput;
import io.voltstream.energy.dr.DrDispatchInputs.DeviceInput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases of the execution order. The battery: 10 kWh, 5 kW, round trip 0.81 (each way
 * η = 0.9), reserve 10 %. At 50 % SoC it holds (50 − 10) % × 10 kWh = 4 kWh above the reserve, 4 ×
 * 0.9 = 3.6 kWh deliverable: over one hour left that is 3.6 kW of headroom; over the next 10 s its
 * limit is the full 5 kW.
 */
class DrDispatchPlannerTest {
  static final Instant T0 = Instant.parse("2026-04-14T17:00:00Z");
  static final Duration STEP = Duration.ofSeconds(10);
  static final Duration HOUR = Duration.ofHours(1);

  static final BatterySpec BATTERY = new BatterySpec("b1", "demo", 10, 5000, 5000, 0.81, 5, 95, 10);
  static final BatterySpec SMALL = new BatterySpec("b2", "demo", 5, 2500, 2500, 0.81, 5, 95, 10);

  static DeviceSpec device(String id, DeviceType type, FlexibilityKind kind, boolean onOff) {
    Set<ControlCapability> caps =
        onOff
            ? Set.of(
                ControlCapability.ON_OFF,
                kind == FlexibilityKind.SHIFTABLE
                    ? ControlCapability.SHIFT
                    : ControlCapability.CURTAIL)
            : Set.of(
                ControlCapability.SETPOINT,
                kind == FlexibilityKind.SHIFTABLE
                    ? ControlCapability.SHIFT
                    : ControlCapability.CURTAIL);
    return new DeviceSpec(
        id,
        "demo",
        "kitchen",
        null,
        type,
        2000,
        true,
        true,
        kind,
        caps,
        null,
        onOff ? null : 0.0,
        onOff ? null : 11000.0,
        null);
  }

  static final DeviceSpec HVAC =
      device("hvac", DeviceType.HVAC, FlexibilityKind.CURTAILABLE, true); // 30 min comfort
  static final DeviceSpec PLUGS_A =
      device("plugs-a", DeviceType.PLUG_LOAD, FlexibilityKind.CURTAILABLE, true);
  static final DeviceSpec PLUGS_B =
      device("plugs-b", DeviceType.PLUG_LOAD, FlexibilityKind.CURTAILABLE, true);
  static final DeviceSpec EV = device("ev", DeviceType.EV_CHARGER, FlexibilityKind.SHIFTABLE, true);
  static final DeviceSpec EV_SETPOINT =
      device("ev-w", DeviceType.EV_CHARGER, FlexibilityKind.SHIFTABLE, false);

  static final List<DeviceInput> DEVICES =
      List.of(
          new DeviceInput(EV, 7000, true),
          new DeviceInput(PLUGS_B, 800, true),
          new DeviceInput(PLUGS_A, 1500, true),
          new DeviceInput(HVAC, 1500, true));

  static DrDispatchInputs inputs(
      double requestedW,
      double targetImportW,
      double netLoadW,
      List<BatteryInput> batteries,
      List<DeviceInput> devices,
      List<DeviceHold> holds,
      Set<String> excluded) {
    return new DrDispatchInputs(
        T0,
        STEP,
        HOUR,
        requestedW,
        targetImportW,
        netLoadW,
        batteries,
        devices,
        holds,
        Set.of(),
        excluded,
        Map.of());
  }

  @Test
  void shouldUseTheBatteryAloneWhenItsHeadroomCoversTheRequest() {
    // requested 2 kW ≤ 3.6 kW headroom: no device. Baseline 5 kW → target 3 kW; net load 4.5 kW
    // → discharge 1.5 kW.
    DrDispatch d =
        DrDispatchPlanner.plan(
            inputs(
                2000,
                3000,
                4500,
                List.of(new BatteryInput(BATTERY, 50)),
                DEVICES,
                List.of(),
                Set.of()));

    assertThat(d.batteryHeadroomW()).isCloseTo(3600, within(1e-6));
    assertThat(d.holds()).isEmpty();
    assertThat(d.curtail()).isEmpty();
    assertThat(d.batteries())
        .singleElement()
        .satisfies(b -> assertThat(b.setpointW()).isCloseTo(1500, within(1e-6)));
    assertThat(d.controlled()).containsExactly("b1");
    assertThat(d.shortfallW()).isZero();
  }

  @Test
  void shouldAddCurtailableLoadsLargestFirstTiesByIdUntilTheRequestIsMet() {
    // 6 kW − 3.6 kW headroom = 2.4 kW from devices: hvac and plugs-a draw 1.5 kW each (tie → id
    // order: hvac first, 0.9 kW still needed), then plugs-a; plugs-b and the EV stay untouched.
    DrDispatch d =
        DrDispatchPlanner.plan(
            inputs(
                6000,
                2000,
                8000,
                List.of(new BatteryInput(BATTERY, 50)),
                DEVICES,
                List.of(),
                Set.of()));

    assertThat(d.holds()).extracting(DeviceHold::deviceId).containsExactly("hvac", "plugs-a");
    assertThat(d.curtail())
        .extracting(DrDeviceStep::deviceId, DrDeviceStep::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("hvac", DeviceAction.OFF),
            org.assertj.core.groups.Tuple.tuple("plugs-a", DeviceAction.OFF));
    assertThat(d.heldW()).isEqualTo(3000);
    assertThat(d.controlled()).containsExactly("b1", "hvac", "plugs-a");
    // Closed loop: 8 kW net load − 2 kW target = 6 kW, clipped to the 5 kW limit.
    assertThat(d.batteries().get(0).setpointW()).isCloseTo(5000, within(1e-6));
    assertThat(d.holds()).allSatisfy(h -> assertThat(h.since()).isEqualTo(T0));
  }

  @Test
  void shouldTurnToShiftableLoadsOnlyAfterEveryCurtailableOne() {
    // 10 kW − 3.6 kW = 6.4 kW: all curtailable loads give 3.8 kW, the EV (7 kW) the rest.
    DrDispatch d =
        DrDispatchPlanner.plan(
            inputs(
                10000,
                Double.NaN,
                Double.NaN,
                List.of(new BatteryInput(BATTERY, 50)),
                DEVICES,
                List.of(),
                Set.of()));

    assertThat(d.holds())
        .extracting(DeviceHold::deviceId)
        .containsExactly("hvac", "plugs-a", "plugs-b", "ev");
    assertThat(d.holds().get(3).kind()).isEqualTo(FlexibilityKind.SHIFTABLE);
    // No baseline: the battery covers requested − held = 10 − 10.8 < 0 → 0 W.
    assertThat(d.batteries().get(0).setpointW()).isZero();
    assertThat(d.batteries().get(0).reason()).contains("no baseline");
  }

  @Test
  void shouldReportAShortfallWhenNothingIsLeft() {
    DrDispatch d =
        DrDispatchPlanner.plan(
            inputs(
                20000,
                Double.NaN,
                Double.NaN,
                List.of(new BatteryInput(BATTERY, 50)),
                DEVICES,
                List.of(),
                Set.of()));

    // 20 − 3.6 − 10.8 = 5.6 kW short.
    assertThat(d.shortfallW()).isCloseTo(5600, within(1e-6));
    assertThat(d.note()).contains("short by 5.60 kW");
  }

  @Test
  void shouldGiveBackADeviceAtItsComfortLimitAndReplaceIt() {
    // hvac held 30 min ago (its comfort limit): restored with "on", replaced by plugs-b.
    DeviceHold hvac =
        new DeviceHold(
            "hvac",
            FlexibilityKind.CURTAILABLE,
            T0.minus(Duration.ofMinutes(30)),
            1500,
            DeviceAction.OFF,
            null,
            DeviceAction.ON,
            null);
    DeviceHold plugsA =
        new DeviceHold(
            "plugs-a",
            FlexibilityKind.CURTAILABLE,
            T0.minus(Duration.ofMinutes(29)),
            1500,
            DeviceAction.OFF,
            null,
            DeviceAction.ON,
            null);
    List<DeviceInput> now =
        List.of(
            new DeviceInput(EV, 7000, true),
            new DeviceInput(PLUGS_B, 800, true),
            new DeviceInput(PLUGS_A, 0, false),
            new DeviceInput(HVAC, 0, false));

    DrDispatch d =
        DrDispatchPlanner.plan(
            inputs(
                6000,
                2000,
                8000,
                List.of(new BatteryInput(BATTERY, 50)),
                now,
                List.of(hvac, plugsA),
                Set.of()));

    assertThat(d.restore())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.deviceId()).isEqualTo("hvac");
              assertThat(r.action()).isEqualTo(DeviceAction.ON);
            });
    assertThat(d.newlyReleased()).containsExactly("hvac");
    // 2.4 kW needed, plugs-a still counts 1.5 kW, plugs-b adds 0.8 kW (2.3 < 2.4), then the EV.
    assertThat(d.holds())
        .extracting(DeviceHold::deviceId)
        .containsExactly("plugs-a", "plugs-b", "ev");
    assertThat(d.note()).contains("hvac given back at its comfort limit (30 min)");
  }

  @Test
  void shouldNotHoldAReleasedDeviceAgain() {
    DrDispatchInputs in =
        new DrDispatchInputs(
            T0,
            STEP,
            HOUR,
            4000,
            Double.NaN,
            Double.NaN,
            List.of(new BatteryInput(BATTERY, 50)),
            DEVICES,
            List.of(),
            Set.of("hvac"),
            Set.of(),
            Map.of());

    assertThat(DrDispatchPlanner.plan(in).holds())
        .extracting(DeviceHold::deviceId)
        .containsExactly("plugs-a");
  }

  @Test
  void shouldRedispatchToTheNextDeviceWhenAHeldOneRejected() {
    DeviceHold hvac =
        new DeviceHold(
            "hvac",
            FlexibilityKind.CURTAILABLE,
            T0.minusSeconds(20),
            1500,
            DeviceAction.OFF,
            null,
            DeviceAction.ON,
            null);
    // 5 kW − 3.6 kW = 1.4 kW: hvac rejected → dropped without a restore, plugs-a takes over.
    DrDispatch d =
        DrDispatchPlanner.plan(
            inputs(
                5000,
                Double.NaN,
                Double.NaN,
                List.of(new BatteryInput(BATTERY, 50)),
                DEVICES,
                List.of(hvac),
                Set.of("hvac")));

    assertThat(d.restore()).isEmpty();
    assertThat(d.holds()).extracting(DeviceHold::deviceId).containsExactly("plugs-a");
    assertThat(d.note()).contains("hvac dropped");
  }

  @Test
  void shouldLeaveARefusingBatteryOutAndCoverItsShareWithDevices() {
    // b1 rejected: only b2 (5 kWh at 50 %: 2 kWh × 0.9 = 1.8 kW over the hour) remains.
    // 3 kW − 1.8 kW = 1.2 kW → hvac (1.5 kW).
    DrDispatch d =
        DrDispatchPlanner.plan(
            inputs(
                3000,
                Double.NaN,
                Double.NaN,
                List.of(new BatteryInput(BATTERY, 50), new BatteryInput(SMALL, 50)),
                DEVICES,
                List.of(),
                Set.of("b1")));

    assertThat(d.batteryHeadroomW()).isCloseTo(1800, within(1e-6));
    assertThat(d.batteries()).extracting(DrBatteryStep::batteryId).containsExactly("b2");
    assertThat(d.holds()).extracting(DeviceHold::deviceId).containsExactly("hvac");
    // No baseline: b2 covers 3 − 1.5 = 1.5 kW.
    assertThat(d.batteries().get(0).setpointW()).isCloseTo(1500, within(1e-6));
  }

  @Test
  void shouldShareTheClosedLoopSetpointInProportionToTheLimitsAndNeverCharge() {
    List<BatteryInput> two = List.of(new BatteryInput(SMALL, 50), new BatteryInput(BATTERY, 50));
    // Net load 6 kW, target 3 kW → 3 kW, split 5 : 2.5 → 2 kW and 1 kW (sorted by id).
    DrDispatch d =
        DrDispatchPlanner.plan(inputs(1000, 3000, 6000, two, List.of(), List.of(), Set.of()));
    assertThat(d.batteries()).extracting(DrBatteryStep::batteryId).containsExactly("b1", "b2");
    assertThat(d.batteries().get(0).setpointW()).isCloseTo(2000, within(1e-6));
    assertThat(d.batteries().get(1).setpointW()).isCloseTo(1000, within(1e-6));

    // Already below the target: the batteries idle rather than charge.
    DrDispatch below =
        DrDispatchPlanner.plan(inputs(1000, 3000, 2000, two, List.of(), List.of(), Set.of()));
    assertThat(below.batteries()).allSatisfy(b -> assertThat(b.setpointW()).isZero());
  }

  @Test
  void shouldKeepTheReserve() {
    // At the reserve (10 %) nothing is left: no headroom, no discharge, the devices carry it all.
    DrDispatch d =
        DrDispatchPlanner.plan(
            inputs(
                1000,
                3000,
                6000,
                List.of(new BatteryInput(BATTERY, 10)),
                DEVICES,
                List.of(),
                Set.of()));

    assertThat(d.batteryHeadroomW()).isZero();
    assertThat(d.batteries().get(0).setpointW()).isZero();
    assertThat(d.holds()).extracting(DeviceHold::deviceId).containsExactly("hvac");
  }

  @Test
  void shouldSetASetpointOnlyDeviceToItsLowestSetpointAndRestoreTheLastKnownOne() {
    DrDispatchInputs in =
        new DrDispatchInputs(
            T0,
            STEP,
            HOUR,
            1000,
            Double.NaN,
            Double.NaN,
            List.of(),
            List.of(new DeviceInput(EV_SETPOINT, 7000, true)),
            List.of(),
            Set.of(),
            Set.of(),
            Map.of("ev-w", 7400.0));

    DrDispatch d = DrDispatchPlanner.plan(in);

    assertThat(d.curtail())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.action()).isEqualTo(DeviceAction.SETPOINT);
              assertThat(s.value()).isEqualTo(0.0);
            });
    assertThat(DrDispatchPlanner.restoreAll(d.holds(), "event ended"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.action()).isEqualTo(DeviceAction.SETPOINT);
              assertThat(s.value()).isEqualTo(7400.0);
            });

    DrDispatchInputs unknown =
        new DrDispatchInputs(
            T0,
            STEP,
            HOUR,
            1000,
            Double.NaN,
            Double.NaN,
            List.of(),
            List.of(new DeviceInput(EV_SETPOINT, 7000, true)),
            List.of(),
            Set.of(),
            Set.of(),
            Map.of());
    // Without a known setpoint nothing is sent: the instruction's duration lapses instead.
    assertThat(DrDispatchPlanner.restoreAll(DrDispatchPlanner.plan(unknown).holds(), "end"))
        .isEmpty();
  }

  @Test
  void shouldRestoreEveryHeldOnOffDeviceWithOn() {
    DrDispatch d =
        DrDispatchPlanner.plan(
            inputs(
                6000,
                Double.NaN,
                Double.NaN,
                List.of(new BatteryInput(BATTERY, 50)),
                DEVICES,
                List.of(),
                Set.of()));

    assertThat(DrDispatchPlanner.restoreAll(d.holds(), "event ended"))
        .extracting(DrDeviceStep::deviceId, DrDeviceStep::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("hvac", DeviceAction.ON),
            org.assertj.core.groups.Tuple.tuple("plugs-a", DeviceAction.ON));
  }

  @Test
  void shouldSkipDevicesThatAreOffUnmeteredOrNotForDr() {
    DeviceSpec notDr =
        new DeviceSpec(
            "vent",
            "demo",
            "office",
            null,
            DeviceType.VENTILATION,
            300,
            true,
            false,
            FlexibilityKind.NONE,
            Set.of(ControlCapability.ON_OFF),
            null,
            null,
            null,
            null);
    List<DeviceInput> devices =
        List.of(
            new DeviceInput(notDr, 300, true),
            new DeviceInput(HVAC, 1500, false),
            new DeviceInput(PLUGS_A, Double.NaN, true),
            new DeviceInput(PLUGS_B, 0.5, true));

    DrDispatch d =
        DrDispatchPlanner.plan(
            inputs(1000, Double.NaN, Double.NaN, List.of(), devices, List.of(), Set.of()));

    assertThat(d.holds()).isEmpty();
    assertThat(d.shortfallW()).isEqualTo(1000);
  }
}
