package io.voltstream.sim.device.climate;

import io.voltstream.sim.device.Noise;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Outdoor temperature and sky for a temperate (Belgian) climate: a seasonal cycle, a daily cycle
 * peaking mid-afternoon, a seeded offset per day, and a seeded clearness per day that the PV model
 * uses. Pure in (seed, time).
 */
public final class OutdoorWeather {
  private final long seed;
  private final ZoneId zone;

  public OutdoorWeather(long seed, ZoneId zone) {
    this.seed = seed;
    this.zone = zone;
  }

  /** Outdoor air temperature [°C]. */
  public double temperatureC(Instant at) {
    ZonedDateTime local = ZonedDateTime.ofInstant(at, zone);
    double dayOfYear = local.getDayOfYear() + local.getHour() / 24.0;
    double seasonal = 10.5 - 7.5 * Math.cos(2 * Math.PI * (dayOfYear - 20) / 365.25);
    double hour = local.getHour() + local.getMinute() / 60.0;
    double daily = 4.0 * Math.cos(2 * Math.PI * (hour - 15.0) / 24.0);
    long day = local.toLocalDate().toEpochDay();
    double dayOffset = 2.0 * Noise.gaussian(seed, "outdoor-temp", day);
    return seasonal + daily + dayOffset;
  }

  /**
   * Fraction of clear-sky irradiance reaching the ground [0.1, 1]: a cloudiness per day with
   * passing clouds per 10-minute slot.
   */
  public double clearness(Instant at) {
    long day = ZonedDateTime.ofInstant(at, zone).toLocalDate().toEpochDay();
    double dayClear = 0.35 + 0.65 * Noise.uniform(seed, "sky-day", day);
    long slot = Math.floorDiv(at.getEpochSecond(), 600);
    double passing = 1.0 - (1.0 - dayClear) * Noise.uniform(seed, "sky-slot", slot) * 1.2;
    return Math.max(0.1, Math.min(1.0, dayClear * 0.5 + passing * 0.5));
  }
}
