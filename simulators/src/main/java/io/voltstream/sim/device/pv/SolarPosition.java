package io.voltstream.sim.device.pv;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Sun elevation and azimuth from date, time and place (NOAA's low-precision formulas: declination
 * and equation of time from the fractional year; accurate to well under a degree, plenty for a PV
 * simulation).
 */
public final class SolarPosition {
  private SolarPosition() {}

  /**
   * Where the sun stands.
   *
   * @param elevationDeg above the horizon [degrees]; negative at night
   * @param azimuthDeg compass direction, clockwise from north [0, 360): 90 east, 180 south
   */
  public record Sun(double elevationDeg, double azimuthDeg) {}

  /** Elevation of the sun above the horizon [degrees]; negative at night. */
  public static double elevationDeg(Instant at, double latitudeDeg, double longitudeDeg) {
    return of(at, latitudeDeg, longitudeDeg).elevationDeg();
  }

  /** The sun's elevation and azimuth at a moment and place. */
  public static Sun of(Instant at, double latitudeDeg, double longitudeDeg) {
    ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
    double gamma = fractionalYear(utc);
    double declination = declinationRad(gamma);
    double minutesUtc =
        utc.getHour() * 60 + utc.getMinute() + utc.getSecond() / 60.0 + utc.getNano() / 6e10;
    double trueSolarMinutes = minutesUtc + equationOfTimeMinutes(gamma) + 4 * longitudeDeg;
    double hourAngle = Math.toRadians(trueSolarMinutes / 4 - 180);
    double lat = Math.toRadians(latitudeDeg);
    double sinElevation =
        Math.sin(lat) * Math.sin(declination)
            + Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle);
    double elevation = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, sinElevation))));
    // measured from south (hour angle 0 = due south in the northern hemisphere), turned to north
    double azimuth =
        Math.toDegrees(
                Math.atan2(
                    Math.sin(hourAngle),
                    Math.cos(hourAngle) * Math.sin(lat) - Math.tan(declination) * Math.cos(lat)))
            + 180.0;
    return new Sun(elevation, azimuth % 360.0);
  }

  /** The moment of solar noon (highest sun) on a date at a longitude. */
  public static Instant solarNoon(LocalDate date, double longitudeDeg) {
    ZonedDateTime noonUtc = date.atStartOfDay(ZoneOffset.UTC).plusHours(12);
    double gamma = fractionalYear(noonUtc);
    double minutes = 720 - 4 * longitudeDeg - equationOfTimeMinutes(gamma);
    return date.atStartOfDay(ZoneOffset.UTC)
        .toInstant()
        .plus(Duration.ofMillis(Math.round(minutes * 60_000)));
  }

  private static double fractionalYear(ZonedDateTime utc) {
    int daysInYear = utc.toLocalDate().lengthOfYear();
    return 2 * Math.PI / daysInYear * (utc.getDayOfYear() - 1 + (utc.getHour() - 12) / 24.0);
  }

  private static double declinationRad(double g) {
    return 0.006918
        - 0.399912 * Math.cos(g)
        + 0.070257 * Math.sin(g)
        - 0.006758 * Math.cos(2 * g)
        + 0.000907 * Math.sin(2 * g)
        - 0.002697 * Math.cos(3 * g)
        + 0.00148 * Math.sin(3 * g);
  }

  private static double equationOfTimeMinutes(double g) {
    return 229.18
        * (0.000075
            + 0.001868 * Math.cos(g)
            - 0.032077 * Math.sin(g)
            - 0.014615 * Math.cos(2 * g)
            - 0.040849 * Math.sin(2 * g));
  }
}
