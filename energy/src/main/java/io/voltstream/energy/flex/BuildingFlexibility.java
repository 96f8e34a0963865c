package io.voltstream.energy.flex;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.battery.BatteryState;
import io.voltstream.energy.device.DeviceSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Rolls one building's devices and batteries up into device, room and building flexibility: a room
 * is the sum of the devices standing in it, the building the sum of all its devices and its
 * batteries (batteries belong to no room). Device, room and battery order is by id, so the result
 * is reproducible.
 *
 * @param devices per device id, its state and flexibility
 * @param rooms per room name, the sum of its devices
 * @param building the whole building
 */
public record BuildingFlexibility(
    Map<String, DeviceResult> devices, Map<String, Total> rooms, Total building) {

  /** One device's figures. */
  public record DeviceResult(
      DeviceSpec spec, OptionalDouble powerW, DeviceFlexibility.Result result) {}

  /**
   * A group's figures.
   *
   * @param flexibility the sum of its members'
   * @param drPowerW metered power of its DR-enabled devices [W]; empty when none of them has a
   *     fresh reading
   */
  public record Total(Flexibility flexibility, OptionalDouble drPowerW) {}

  /** A device and its latest metered power (empty: no fresh reading). */
  public record DeviceInput(DeviceSpec spec, OptionalDouble powerW) {}

  /** A battery and its latest state (empty: no fresh report — it then offers nothing). */
  public record BatteryInput(BatterySpec spec, Optional<BatteryState> state) {}

  /**
   * @param roomNames rooms to report even without devices (they get zero flexibility)
   * @param devices the building's devices
   * @param batteries the building's batteries
   */
  public static BuildingFlexibility of(
      Collection<String> roomNames,
      Collection<DeviceInput> devices,
      Collection<BatteryInput> batteries) {
    Map<String, DeviceResult> byDevice = new TreeMap<>();
    for (DeviceInput d : devices) {
      byDevice.put(
          d.spec().id(),
          new DeviceResult(d.spec(), d.powerW(), DeviceFlexibility.of(d.spec(), d.powerW())));
    }
    Map<String, List<DeviceResult>> byRoom = new TreeMap<>();
    roomNames.forEach(r -> byRoom.put(r, new ArrayList<>()));
    byDevice
        .values()
        .forEach(d -> byRoom.computeIfAbsent(d.spec().room(), r -> new ArrayList<>()).add(d));

    Map<String, Total> rooms = new TreeMap<>();
    byRoom.forEach((room, members) -> rooms.put(room, total(members, Flexibility.NONE)));

    Flexibility batteryFlex = Flexibility.NONE;
    for (BatteryInput b : batteries) {
      if (b.state().isPresent()) {
        batteryFlex = batteryFlex.plus(BatteryFlexibility.of(b.spec(), b.state().get()));
      }
    }
    return new BuildingFlexibility(byDevice, rooms, total(byDevice.values(), batteryFlex));
  }

  private static Total total(Collection<DeviceResult> members, Flexibility start) {
    Flexibility flex = start;
    double power = 0;
    boolean anyPower = false;
    for (DeviceResult d : members) {
      flex = flex.plus(d.result().flexibility());
      if (d.spec().drEnabled() && d.result().state() != DeviceState.UNKNOWN) {
        power += Math.abs(d.powerW().getAsDouble());
        anyPower = true;
      }
    }
    return new Total(flex, anyPower ? OptionalDouble.of(power) : OptionalDouble.empty());
  }
}
