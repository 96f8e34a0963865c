package io.voltstream.forecast.pv;

/**
 * A PV system as the forecaster needs it: nameplate capacity, orientation and place.
 *
 * @param capacityKwp nameplate (peak) power [kWp], &gt; 0
 * @param tiltDeg panel tilt from horizontal [0, 90] degrees; 0 = flat
 * @param azimuthDeg compass direction the panels face, clockwise from north [0, 360): 90 east, 180
 *     south, 270 west
 * @param latitudeDeg [-90, 90], north positive
 * @param longitudeDeg [-180, 180], east positive
 */
public record PvSite(
    double capacityKwp,
    double tiltDeg,
    double azimuthDeg,
    double latitudeDeg,
    double longitudeDeg) {
  public PvSite {
    if (!(capacityKwp > 0)
        || !(tiltDeg >= 0 && tiltDeg <= 90)
        || !(azimuthDeg >= 0 && azimuthDeg < 360)
        || !(latitudeDeg >= -90 && latitudeDeg <= 90)
        || !(longitudeDeg >= -180 && longitudeDeg <= 180)) {
      throw new IllegalArgumentException(
          "PV site needs capacity > 0 kWp, tilt 0..90, azimuth 0..<360, latitude -90..90,"
              + " longitude -180..180; was "
              + this);
    }
  }
}
