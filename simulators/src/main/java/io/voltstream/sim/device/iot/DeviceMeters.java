package io.voltstream.sim.device.iot;

import io.voltstream.energy.device.DeviceType;
import io.voltstream.model.SensorType;

/** How a device's meter presents itself: HVAC meters for climate devices, plugs otherwise. */
public final class DeviceMeters {
  private DeviceMeters() {}

  public static SensorType sensorType(DeviceType type) {
    return type == DeviceType.HVAC || type == DeviceType.VENTILATION
        ? SensorType.HVAC
        : SensorType.PLUG;
  }
}
