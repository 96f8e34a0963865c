package io.voltstream.jobs.dispatch.logic;

import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The latest power of one sensor, as the building's net load needs it: PV sensors count as
 * generation, every other sensor reporting {@code power_w} as consumption.
 *
 * @param powerW magnitude of the power [W]
 * @param generation whether it generates (PV) rather than consumes
 * @param at event time of the reading
 */
public record SensorPower(double powerW, boolean generation, Instant at) {

  /** The power a reading carries; empty for readings without {@code power_w} (CO2, temperature…). */
  public static Optional<SensorPower> of(SensorReading r) {
    if (r.powerW() == null || !Double.isFinite(r.powerW())) {
      return Optional.empty();
    }
    boolean generation = r.sensorType() == SensorType.PV;
    return Optional.of(new SensorPower(Math.abs(r.powerW()), generation, r.timestamp()));
  }

  /** Consumption − generation [W] over {@code powers}; empty when there is none. */
  public static OptionalDouble netLoadW(Collection<SensorPower> powers) {
    if (powers.isEmpty()) {
      return OptionalDouble.empty();
    }
    double net = 0;
    for (SensorPower p : powers) {
      net += p.generation() ? -p.powerW() : p.powerW();
    }
    return OptionalDouble.of(net);
  }
}
