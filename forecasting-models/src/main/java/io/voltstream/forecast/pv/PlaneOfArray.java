package io.voltstream.forecast.pv;

/**
 * Irradiance on a tilted plane by the Hay–Davies transposition (Hay and Davies 1980; pvlib's {@code
 * irradiance.haydavies}): the beam projected by the angle of incidence, the sky diffuse split into
 * a circumsolar part (weighted by the anisotropy index DNI / extraterrestrial) and an isotropic
 * part seen by the plane's sky view factor, plus ground-reflected light.
 */
public final class PlaneOfArray {
  /** Ground reflectance of grass, roofs and streets; the common default. */
  public static final double DEFAULT_ALBEDO = 0.2;

  /** Keeps the beam ratio finite when the sun grazes the horizon (pvlib: cos 89°). */
  private static final double MIN_COS_ZENITH = 0.01745;

  private PlaneOfArray() {}

  /**
   * @return plane-of-array irradiance [W/m²]
   */
  public static double irradianceWm2(
      ClearSkyIrradiance sky,
      SunPosition sun,
      double tiltDeg,
      double surfaceAzimuthDeg,
      double extraterrestrialWm2,
      double albedo) {
    if (sun.zenithDeg() >= 90 || sky.ghiWm2() <= 0) {
      return 0.0;
    }
    double tilt = Math.toRadians(tiltDeg);
    double zenith = Math.toRadians(sun.zenithDeg());
    double cosIncidence =
        Math.max(
            0,
            Math.cos(zenith) * Math.cos(tilt)
                + Math.sin(zenith)
                    * Math.sin(tilt)
                    * Math.cos(Math.toRadians(sun.azimuthDeg() - surfaceAzimuthDeg)));
    double beam = sky.dniWm2() * cosIncidence;
    double anisotropy = Math.min(1, sky.dniWm2() / extraterrestrialWm2);
    double beamRatio = cosIncidence / Math.max(Math.cos(zenith), MIN_COS_ZENITH);
    double skyDiffuse =
        Math.max(
            0,
            sky.dhiWm2() * (anisotropy * beamRatio + (1 - anisotropy) * (1 + Math.cos(tilt)) / 2));
    double ground = sky.ghiWm2() * albedo * (1 - Math.cos(tilt)) / 2;
    return beam + skyDiffuse + ground;
  }
}
