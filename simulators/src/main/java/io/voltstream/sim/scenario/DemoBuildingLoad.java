package io.voltstream.sim.scenario;

import io.voltstream.sim.building.BuildingLayout;
import io.voltstream.sim.building.BuildingSimulation;
import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.building.SimRoom;
import io.voltstream.sim.device.iot.PowerModel;
import io.voltstream.sim.device.iot.PowerModels;
import io.voltstream.sim.device.iot.Surroundings;
import io.voltstream.sim.device.load.LoadProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo building's whole consumption offline, without servers: its rooms' {@link LoadProfile}
 * (as in {@link DemoWeek}) plus the {@link DemoDevices} running their default behaviour (no
 * instructions: heat pump at 21 °C, water heater and EV charger on, plug loads on, ventilation off)
 * through the same {@link PowerModels} the live simulator uses, with the heat pump's surroundings
 * from a {@link BuildingSimulation} of the same seed. Before PV and batteries; the device meters'
 * noise is left out (it averages away). Deterministic for a seed.
 */
public final class DemoBuildingLoad {
  private DemoBuildingLoad() {}

  /** Mean consumption [W] of each of {@code steps} steps of {@code step} from {@code start}. */
  public static double[] consumptionW(long seed, Instant start, Duration step, int steps) {
    BuildingLayout layout = DemoBuilding.layout(6, 1);
    LoadProfile load = new LoadProfile(seed, layout.zone());
    BuildingSimulation climate = new BuildingSimulation(layout, seed, start, step);
    List<String> roomNames = layout.rooms().stream().map(SimRoom::name).toList();
    List<DemoDevices.DemoDevice> devices = DemoDevices.in(roomNames);
    List<PowerModel> models = new ArrayList<>();
    for (DemoDevices.DemoDevice d : devices) {
      models.add(PowerModels.of(d.spec(), layout.zone(), seed));
    }
    double[] out = new double[steps];
    for (int i = 0; i < steps; i++) {
      Instant from = start.plus(step.multipliedBy(i));
      Instant to = from.plus(step);
      double w = roomsW(layout, load, from, to);
      for (int k = 0; k < devices.size(); k++) {
        DemoDevices.DemoDevice d = devices.get(k);
        Surroundings around =
            new Surroundings(
                climate.indoorTemperatureC(d.spec().room(), from),
                climate.outdoorTemperatureC(from));
        w += models.get(k).stepW(from, step, d.defaults().on(), d.defaults().setpoint(), around);
      }
      out[i] = w;
    }
    return out;
  }

  /** Mean consumption of all the layout's rooms over (from, to] [W]. */
  static double roomsW(BuildingLayout layout, LoadProfile load, Instant from, Instant to) {
    double w = 0;
    for (SimRoom room : layout.rooms()) {
      w += load.averagePowerW(room.name(), room.kind(), from, to);
    }
    return w;
  }
}
