package io.voltstream.sim.scenario;

import io.voltstream.sim.building.BuildingLayout;
import io.voltstream.sim.device.climate.OutdoorWeather;
import io.voltstream.sim.device.pv.PvModel;
import java.time.Duration;
import java.time.Instant;

/**
 * A building's simulated PV generation per hour, exactly as the running simulator produces it
 * ({@link PvModel} under the seeded {@link OutdoorWeather}: clear sky × the day's cloudiness ×
 * passing clouds per 10 minutes), for evaluating generation forecasts against it. Pure in (layout,
 * seed, time).
 */
public final class SimulatedPv {
  private SimulatedPv() {}

  /**
   * @return {@code hours} values [kWh], the first for the hour starting at {@code from}
   */
  public static double[] hourlyKwh(BuildingLayout layout, long seed, Instant from, int hours) {
    PvModel pv =
        new PvModel(
            layout.pvArray(),
            layout.latitudeDeg(),
            layout.longitudeDeg(),
            new OutdoorWeather(seed, layout.zone()));
    double[] out = new double[hours];
    for (int h = 0; h < hours; h++) {
      Instant start = from.plus(Duration.ofHours(h));
      out[h] = pv.averagePowerW(start, start.plus(Duration.ofHours(1))) / 1000.0;
    }
    return out;
  }
}
