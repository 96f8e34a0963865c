package io.voltstream.sim.device.iot;

import io.voltstream.energy.device.DeviceSpec;
import java.time.ZoneId;

/** The power model of a device, by its type. */
public final class PowerModels {
  /** A water heater starts a little below full, so its thermostat cycles soon. */
  static final double INITIAL_TANK_DEFICIT_KWH = 0.4;

  private PowerModels() {}

  public static PowerModel of(DeviceSpec spec, ZoneId zone, long seed) {
    double rated = spec.ratedPowerW();
    return switch (spec.type()) {
      case HVAC -> new HvacModel(rated);
      case WATER_HEATER -> new WaterHeaterModel(rated, zone, INITIAL_TANK_DEFICIT_KWH);
      case EV_CHARGER -> new EvChargerModel(rated, zone, seed ^ spec.id().hashCode());
      case PLUG_LOAD -> new PlugLoadModel(rated, zone);
      case VENTILATION, LIGHTING, OTHER -> new ConstantModel(rated);
    };
  }
}
