package io.voltstream.sim.device.pv;

import io.voltstream.sim.device.climate.OutdoorWeather;
import java.time.Duration;
import java.time.Instant;

/**
 * Output of a rooftop PV array: clear-sky global irradiance from the sun's elevation (Haurwitz
 * model), scaled by the array's peak power and a performance ratio, times the weather's clearness.
 * Exactly zero while the sun is below the horizon.
 */
public final class PvModel {
  private static final double PERFORMANCE_RATIO = 0.85;
  private static final Duration MAX_SAMPLE_STEP = Duration.ofMinutes(5);
  private static final int MAX_SAMPLES = 96;

  private final double peakPowerW;
  private final double latitudeDeg;
  private final double longitudeDeg;
  private final OutdoorWeather weather;

  public PvModel(
      double peakPowerW, double latitudeDeg, double longitudeDeg, OutdoorWeather weather) {
    this.peakPowerW = peakPowerW;
    this.latitudeDeg = latitudeDeg;
    this.longitudeDeg = longitudeDeg;
    this.weather = weather;
  }

  /** Haurwitz clear-sky global horizontal irradiance [W/m²] for a sun elevation. */
  public static double clearSkyIrradianceWm2(double elevationDeg) {
    if (elevationDeg <= 0) {
      return 0.0;
    }
    double cosZenith = Math.sin(Math.toRadians(elevationDeg));
    return 1098.0 * cosZenith * Math.exp(-0.057 / cosZenith);
  }

  /** Output under a cloudless sky [W]. */
  public double clearSkyPowerW(Instant at) {
    double irradiance =
        clearSkyIrradianceWm2(SolarPosition.elevationDeg(at, latitudeDeg, longitudeDeg));
    return peakPowerW * irradiance / 1000.0 * PERFORMANCE_RATIO;
  }

  /** Output including clouds [W]. */
  public double powerW(Instant at) {
    double clear = clearSkyPowerW(at);
    return clear == 0.0 ? 0.0 : clear * weather.clearness(at);
  }

  /** Mean output over (from, to] [W]. */
  public double averagePowerW(Instant from, Instant to) {
    Duration span = Duration.between(from, to);
    if (span.isNegative() || span.isZero()) {
      return powerW(to);
    }
    int samples =
        (int)
            Math.min(
                MAX_SAMPLES,
                Math.max(
                    1,
                    (span.toMillis() + MAX_SAMPLE_STEP.toMillis() - 1)
                        / MAX_SAMPLE_STEP.toMillis()));
    long stepNanos = span.toNanos() / samples;
    double sum = 0;
    for (int i = 0; i < samples; i++) {
      sum += powerW(from.plusNanos(stepNanos * i + stepNanos / 2));
    }
    return sum / samples;
  }
}
