package io.voltstream.forecast.pv;

import java.time.Instant;

/**
 * The sun's position seen from a place, by Michalsky's algorithm (Solar Energy 40(3), 1988; the
 * Astronomical Almanac's low-precision formulas): about 0.01° between 1950 and 2050, atmospheric
 * refraction ignored (it matters only within a degree of the horizon, where PV output is nil).
 *
 * @param zenithDeg angle from the vertical [0, 180]; above 90 the sun is below the horizon
 * @param azimuthDeg compass direction, clockwise from north [0, 360): 90 east, 180 south
 */
public record SunPosition(double zenithDeg, double azimuthDeg) {
  private static final double J2000_EPOCH_SECOND = 946_728_000.0; // 2000-01-01T12:00:00Z
  private static final double SECONDS_PER_DAY = 86_400.0;

  public static SunPosition at(Instant at, double latitudeDeg, double longitudeDeg) {
    double n = (at.getEpochSecond() + at.getNano() / 1e9 - J2000_EPOCH_SECOND) / SECONDS_PER_DAY;
    double meanLongitude = normalise(280.460 + 0.9856474 * n);
    double meanAnomaly = Math.toRadians(normalise(357.528 + 0.9856003 * n));
    double eclipticLongitude =
        Math.toRadians(
            meanLongitude + 1.915 * Math.sin(meanAnomaly) + 0.020 * Math.sin(2 * meanAnomaly));
    double obliquity = Math.toRadians(23.439 - 0.0000004 * n);
    double rightAscension =
        Math.atan2(Math.cos(obliquity) * Math.sin(eclipticLongitude), Math.cos(eclipticLongitude));
    double declination = Math.asin(Math.sin(obliquity) * Math.sin(eclipticLongitude));
    double hoursUtc = ((n + 0.5) % 1.0 + 1.0) % 1.0 * 24.0;
    double siderealHours = 6.697375 + 0.0657098242 * n + hoursUtc + longitudeDeg / 15.0;
    double hourAngle =
        Math.toRadians(normalise(siderealHours * 15.0 - Math.toDegrees(rightAscension)));
    double lat = Math.toRadians(latitudeDeg);
    double cosZenith =
        Math.sin(declination) * Math.sin(lat)
            + Math.cos(declination) * Math.cos(lat) * Math.cos(hourAngle);
    double zenith = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cosZenith))));
    double azimuth =
        Math.toDegrees(
            Math.atan2(
                -Math.cos(declination) * Math.sin(hourAngle),
                Math.sin(declination) * Math.cos(lat)
                    - Math.cos(declination) * Math.sin(lat) * Math.cos(hourAngle)));
    return new SunPosition(zenith, normalise(azimuth));
  }

  /** Elevation above the horizon [degrees]; negative at night. */
  public double elevationDeg() {
    return 90.0 - zenithDeg;
  }

  /**
   * Solar irradiance at the top of the atmosphere on a plane facing the sun [W/m²]: the solar
   * constant (1361 W/m², Kopp &amp; Lean 2011) corrected for the Earth–Sun distance (Spencer 1971,
   * first harmonic).
   */
  public static double extraterrestrialWm2(Instant at) {
    double dayOfYear = ((at.getEpochSecond() / SECONDS_PER_DAY) % 365.25 + 365.25) % 365.25;
    // epoch 1970-01-01 is day 0 of the year to within a day: perihelion falls on day ~3
    return 1361.0 * (1 + 0.033 * Math.cos(2 * Math.PI * (dayOfYear - 3) / 365.25));
  }

  private static double normalise(double degrees) {
    double d = degrees % 360.0;
    return d < 0 ? d + 360.0 : d;
  }
}
