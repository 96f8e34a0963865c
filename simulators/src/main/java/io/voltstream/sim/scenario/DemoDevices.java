package io.voltstream.sim.scenario;

import static io.voltstream.energy.device.ControlCapability.CURTAIL;
import static io.voltstream.energy.device.ControlCapability.ON_OFF;
import static io.voltstream.energy.device.ControlCapability.SETPOINT;
import static io.voltstream.energy.device.ControlCapability.SHIFT;

import io.voltstream.energy.device.ControlCapability;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.device.DeviceType;
import io.voltstream.energy.device.FlexibilityKind;
import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.device.iot.SimulatedDevice.Behaviour;
import java.util.List;
import java.util.Set;

/**
 * The demo building's controllable devices (PHASE3 "fixed names"; each meter sensor id = the device
 * id, in the device's room): an HVAC heat pump in the living room (curtailable, setpoint °C), a
 * ventilation fan in the office and in bedroom 1 (on/off, not DR-enabled: the CO2 rules drive them;
 * switched on they add {@link #VENTILATION_AIRFLOW_M3_PER_H} of fresh air to the room), a water
 * heater in the bathroom and an EV charger in the garage (both shiftable), and plug loads in the
 * kitchen and the office (curtailable).
 */
public final class DemoDevices {
  public static final String LIVING_ROOM_HVAC = "living-room-hvac";
  public static final String OFFICE_VENTILATION = "office-ventilation";
  public static final String BEDROOM_1_VENTILATION = "bedroom-1-ventilation";
  public static final String BATHROOM_WATER_HEATER = "bathroom-water-heater";
  public static final String EV_CHARGER = "ev-charger";
  public static final String KITCHEN_PLUGS = "kitchen-plugs";
  public static final String OFFICE_PLUGS = "office-plugs";

  /** The EV charger's room: registry-only (no climate, no room meter). */
  public static final String GARAGE = "garage";

  public static final double GARAGE_AREA_M2 = 18.0;

  /** Fresh air a running demo ventilation fan brings into its room [m³/h]. */
  public static final double VENTILATION_AIRFLOW_M3_PER_H = 120.0;

  /** A demo device: its registry spec and what it does without an instruction. */
  public record DemoDevice(DeviceSpec spec, Behaviour defaults) {}

  private DemoDevices() {}

  public static List<DemoDevice> all() {
    return List.of(
        new DemoDevice(
            spec(
                LIVING_ROOM_HVAC,
                "living-room",
                "Living room heat pump",
                DeviceType.HVAC,
                2500,
                true,
                FlexibilityKind.CURTAILABLE,
                Set.of(ON_OFF, SETPOINT, CURTAIL),
                16.0,
                26.0),
            new Behaviour(true, 21.0)),
        new DemoDevice(
            spec(
                OFFICE_VENTILATION,
                "office",
                "Office ventilation fan",
                DeviceType.VENTILATION,
                60,
                false,
                FlexibilityKind.NONE,
                Set.of(ON_OFF),
                null,
                null),
            new Behaviour(false, null)),
        new DemoDevice(
            spec(
                BEDROOM_1_VENTILATION,
                "bedroom-1",
                "Bedroom 1 ventilation fan",
                DeviceType.VENTILATION,
                60,
                false,
                FlexibilityKind.NONE,
                Set.of(ON_OFF),
                null,
                null),
            new Behaviour(false, null)),
        new DemoDevice(
            spec(
                BATHROOM_WATER_HEATER,
                "bathroom",
                "Hot-water tank",
                DeviceType.WATER_HEATER,
                2400,
                true,
                FlexibilityKind.SHIFTABLE,
                Set.of(ON_OFF, SHIFT),
                null,
                null),
            new Behaviour(true, null)),
        new DemoDevice(
            spec(
                EV_CHARGER,
                GARAGE,
                "EV charger",
                DeviceType.EV_CHARGER,
                7400,
                true,
                FlexibilityKind.SHIFTABLE,
                Set.of(ON_OFF, SETPOINT, SHIFT),
                1400.0,
                7400.0),
            new Behaviour(true, 3700.0)),
        new DemoDevice(
            spec(
                KITCHEN_PLUGS,
                "kitchen",
                "Kitchen plug loads",
                DeviceType.PLUG_LOAD,
                400,
                true,
                FlexibilityKind.CURTAILABLE,
                Set.of(ON_OFF, CURTAIL),
                null,
                null),
            new Behaviour(true, null)),
        new DemoDevice(
            spec(
                OFFICE_PLUGS,
                "office",
                "Office plug loads",
                DeviceType.PLUG_LOAD,
                300,
                true,
                FlexibilityKind.CURTAILABLE,
                Set.of(ON_OFF, CURTAIL),
                null,
                null),
            new Behaviour(true, null)));
  }

  /** The demo devices whose room exists among {@code rooms} (or is the garage). */
  public static List<DemoDevice> in(java.util.Collection<String> rooms) {
    return all().stream()
        .filter(d -> d.spec().room().equals(GARAGE) || rooms.contains(d.spec().room()))
        .toList();
  }

  private static DeviceSpec spec(
      String id,
      String room,
      String name,
      DeviceType type,
      double ratedPowerW,
      boolean drEnabled,
      FlexibilityKind flexibility,
      Set<ControlCapability> capabilities,
      Double minSetpoint,
      Double maxSetpoint) {
    return new DeviceSpec(
        id,
        DemoBuilding.BUILDING_ID,
        room,
        name,
        type,
        ratedPowerW,
        true,
        drEnabled,
        flexibility,
        capabilities,
        null,
        minSetpoint,
        maxSetpoint,
        null);
  }
}
