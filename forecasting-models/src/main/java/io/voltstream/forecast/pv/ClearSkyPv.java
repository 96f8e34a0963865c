package io.voltstream.forecast.pv;

import java.time.Duration;
import java.time.Instant;

/**
 * What a PV system would produce under a cloudless sky: sun position → Ineichen–Perez clear-sky
 * irradiance → Hay–Davies plane-of-array irradiance → DC/AC output of {@code capacityKwp} with a
 * fixed system loss, integrated over an hour by 5-minute midpoints. Pure.
 */
public final class ClearSkyPv {
  /**
   * Losses from plane-of-array irradiance to the meter (PVWatts' default 14 %: soiling, wiring,
   * mismatch, inverter, temperature): it makes the clear-sky index about the sky's clearness. The
   * index absorbs the real system's difference.
   */
  public static final double SYSTEM_LOSS = 0.14;

  private static final int SAMPLES_PER_HOUR = 12;
  private static final Duration SAMPLE_STEP = Duration.ofMinutes(5);

  private final PvSite site;
  private final double linkeTurbidity;

  public ClearSkyPv(PvSite site) {
    this(site, ClearSkyIrradiance.DEFAULT_LINKE_TURBIDITY);
  }

  public ClearSkyPv(PvSite site, double linkeTurbidity) {
    this.site = site;
    this.linkeTurbidity = linkeTurbidity;
  }

  public PvSite site() {
    return site;
  }

  /** Clear-sky output at an instant [W]. */
  public double powerW(Instant at) {
    SunPosition sun = SunPosition.at(at, site.latitudeDeg(), site.longitudeDeg());
    if (sun.zenithDeg() >= 90) {
      return 0.0;
    }
    double extraterrestrial = SunPosition.extraterrestrialWm2(at);
    ClearSkyIrradiance sky =
        ClearSkyIrradiance.ineichen(sun.zenithDeg(), extraterrestrial, linkeTurbidity, 0.0);
    double poa =
        PlaneOfArray.irradianceWm2(
            sky,
            sun,
            site.tiltDeg(),
            site.azimuthDeg(),
            extraterrestrial,
            PlaneOfArray.DEFAULT_ALBEDO);
    // capacity is rated at 1000 W/m²: kWp × (POA / 1000 W/m²) kW = capacityKwp × POA W
    return site.capacityKwp() * poa * (1 - SYSTEM_LOSS);
  }

  /** Clear-sky energy of the hour starting at {@code hourStart} [kWh]. */
  public double hourKwh(Instant hourStart) {
    double sumW = 0;
    for (int i = 0; i < SAMPLES_PER_HOUR; i++) {
      sumW += powerW(hourStart.plus(SAMPLE_STEP.multipliedBy(i)).plus(SAMPLE_STEP.dividedBy(2)));
    }
    return sumW / SAMPLES_PER_HOUR / 1000.0;
  }
}
