package io.voltstream.jobs.dispatch.logic;

import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The latest power of one sensor, as the building's net load needs it. PV sensors, and readings
 * that carry only {@code generation} energy, count as generation; every other meter as consumption.
 *
 * @param powerW magnitude of the power [W]; NaN while unknown (an energy-only sensor's first
 *     reading)
 * @param generation whether it generates rather than consumes
 * @param at event time of the reading
 */
public record SensorPower(double powerW, boolean generation, Instant at) {

  /**
   * What a reading says about power.
   *
   * @param powerW its {@code power_w}, NaN when absent
   * @param energyKwh the energy of its interval (since the sensor's previous reading), NaN when
   *     absent
   */
  public record Sample(double powerW, double energyKwh, boolean generation, Instant at) {

    /**
     * The power sample of a reading: {@code power_w} when present, else the {@code generation}
     * energy (the simulated PV reports only that), else the {@code energy} of a meter; empty for
     * readings without any (CO2, temperature…).
     */
    public static Optional<Sample> of(SensorReading r) {
      boolean pv = r.sensorType() == SensorType.PV;
      if (finite(r.powerW())) {
        return Optional.of(new Sample(Math.abs(r.powerW()), Double.NaN, pv, r.timestamp()));
      }
      if (finite(r.generationKwh())) {
        return Optional.of(
            new Sample(Double.NaN, Math.abs(r.generationKwh()), true, r.timestamp()));
      }
      if (finite(r.energyKwh())) {
        return Optional.of(new Sample(Double.NaN, Math.abs(r.energyKwh()), pv, r.timestamp()));
      }
      return Optional.empty();
    }

    private static boolean finite(Double v) {
      return v != null && Double.isFinite(v);
    }
  }

  /**
   * The sensor's power after {@code sample}: its power, or its energy spread over the time since
   * the {@code previous} reading (NaN when there is none). An older or same-time sample changes
   * nothing.
   */
  public static SensorPower next(SensorPower previous, Sample sample) {
    if (previous != null && !sample.at().isAfter(previous.at())) {
      return previous;
    }
    if (!Double.isNaN(sample.powerW())) {
      return new SensorPower(sample.powerW(), sample.generation(), sample.at());
    }
    if (previous == null) {
      return new SensorPower(Double.NaN, sample.generation(), sample.at());
    }
    double seconds = Duration.between(previous.at(), sample.at()).toMillis() / 1000.0;
    return new SensorPower(sample.energyKwh() * 3.6e6 / seconds, sample.generation(), sample.at());
  }

  /**
   * The known {@code powers} summed by side (the settlement job needs both sides, dispatch the
   * difference).
   *
   * @param consumptionW sum of the consuming sensors' powers [W]
   * @param generationW sum of the generating sensors' powers [W]
   * @param known whether any power was known
   */
  public record Split(double consumptionW, double generationW, boolean known) {}

  /** Consumption and generation [W] over the known {@code powers}. */
  public static Split split(Collection<SensorPower> powers) {
    double consumption = 0;
    double generation = 0;
    boolean any = false;
    for (SensorPower p : powers) {
      if (!Double.isNaN(p.powerW())) {
        if (p.generation()) {
          generation += p.powerW();
        } else {
          consumption += p.powerW();
        }
        any = true;
      }
    }
    return new Split(consumption, generation, any);
  }

  /** Consumption − generation [W] over the known {@code powers}; empty when none is known. */
  public static OptionalDouble netLoadW(Collection<SensorPower> powers) {
    Split s = split(powers);
    return s.known()
        ? OptionalDouble.of(s.consumptionW() - s.generationW())
        : OptionalDouble.empty();
  }
}
