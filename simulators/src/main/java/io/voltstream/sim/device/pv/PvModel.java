package io.voltstream.sim.device.pv;

import io.voltstream.sim.device.climate.OutdoorWeather;
import java.time.Duration;
import java.time.Instant;

/**
 * Output of a rooftop PV array: clear-sky global irradiance from the sun's elevation (Haurwitz
 * model), turned onto the panels' plane when they are tilted, scaled by the array's peak power and
 * a performance ratio, times the weather's clearness. Exactly zero while the sun is below the
 * horizon.
 *
 * <p>Tilted arrays: the clear-sky global irradiance is split into a beam part and a diffuse part
 * ({@link #CLEAR_SKY_DIFFUSE_FRACTION}); the beam is projected onto the panel by the angle of
 * incidence, the diffuse part is seen by the panel's view factor of the sky, (1 + cos tilt) / 2
 * (isotropic sky, ground reflection ignored). A flat array sees the global irradiance unchanged. So
 * an east-facing roof yields most in the morning and a west-facing one in the afternoon.
 */
public final class PvModel {
  private static final double PERFORMANCE_RATIO = 0.85;

  /** Share of diffuse light in clear-sky global irradiance (typical mid-latitude value). */
  static final double CLEAR_SKY_DIFFUSE_FRACTION = 0.15;

  private static final Duration MAX_SAMPLE_STEP = Duration.ofMinutes(5);
  private static final int MAX_SAMPLES = 96;

  private final PvArray array;
  private final double latitudeDeg;
  private final double longitudeDeg;
  private final OutdoorWeather weather;

  /** A flat array of {@code peakPowerW}. */
  public PvModel(
      double peakPowerW, double latitudeDeg, double longitudeDeg, OutdoorWeather weather) {
    this(PvArray.horizontal(peakPowerW), latitudeDeg, longitudeDeg, weather);
  }

  public PvModel(PvArray array, double latitudeDeg, double longitudeDeg, OutdoorWeather weather) {
    this.array = array;
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
    SolarPosition.Sun sun = SolarPosition.of(at, latitudeDeg, longitudeDeg);
    double irradiance = clearSkyIrradianceWm2(sun.elevationDeg()) * planeFactor(sun);
    return array.peakPowerW() * irradiance / 1000.0 * PERFORMANCE_RATIO;
  }

  /** Irradiance on the panels' plane / global horizontal irradiance; 1 for a flat array. */
  private double planeFactor(SolarPosition.Sun sun) {
    if (array.tiltDeg() == 0.0 || sun.elevationDeg() <= 0) {
      return 1.0;
    }
    double e = Math.toRadians(sun.elevationDeg());
    double tilt = Math.toRadians(array.tiltDeg());
    double cosIncidence =
        Math.sin(e) * Math.cos(tilt)
            + Math.cos(e)
                * Math.sin(tilt)
                * Math.cos(Math.toRadians(sun.azimuthDeg() - array.azimuthDeg()));
    double beam = (1 - CLEAR_SKY_DIFFUSE_FRACTION) * Math.max(0.0, cosIncidence) / Math.sin(e);
    double diffuse = CLEAR_SKY_DIFFUSE_FRACTION * (1 + Math.cos(tilt)) / 2;
    return beam + diffuse;
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
