package io.voltstream.forecast.pv;

/**
 * Clear-sky irradiance by the Ineichen–Perez model (Solar Energy 73(3), 2002; as implemented by
 * pvlib's {@code clearsky.ineichen}, without the optional Perez enhancement): global horizontal,
 * direct normal and diffuse horizontal irradiance from the sun's zenith, the air mass (Kasten and
 * Young 1989), the Linke turbidity and the altitude.
 *
 * @param ghiWm2 global horizontal irradiance [W/m²]
 * @param dniWm2 direct normal irradiance [W/m²]
 * @param dhiWm2 diffuse horizontal irradiance [W/m²]
 */
public record ClearSkyIrradiance(double ghiWm2, double dniWm2, double dhiWm2) {
  /**
   * A typical Linke turbidity of a humid mid-latitude site (Western Europe: about 3 in winter, 4 in
   * summer). The recent clear-sky index absorbs what a fixed value gets wrong.
   */
  public static final double DEFAULT_LINKE_TURBIDITY = 3.5;

  public static final ClearSkyIrradiance NIGHT = new ClearSkyIrradiance(0, 0, 0);

  /**
   * @param zenithDeg the sun's zenith angle; 90 or more = night
   * @param extraterrestrialWm2 top-of-atmosphere normal irradiance of the day
   * @param linkeTurbidity Linke turbidity factor (≥ 1)
   * @param altitudeM site altitude above sea level [m]
   */
  public static ClearSkyIrradiance ineichen(
      double zenithDeg, double extraterrestrialWm2, double linkeTurbidity, double altitudeM) {
    if (zenithDeg >= 90) {
      return NIGHT;
    }
    double cosZenith = Math.cos(Math.toRadians(zenithDeg));
    double airMass = pressureRatio(altitudeM) * relativeAirMassKastenYoung(zenithDeg);
    double fh1 = Math.exp(-altitudeM / 8000.0);
    double fh2 = Math.exp(-altitudeM / 1250.0);
    double cg1 = 5.09e-5 * altitudeM + 0.868;
    double cg2 = 3.92e-5 * altitudeM + 0.0387;
    double ghi =
        cg1
            * extraterrestrialWm2
            * cosZenith
            * Math.max(0, Math.exp(-cg2 * airMass * (fh1 + fh2 * (linkeTurbidity - 1))));
    double b = 0.664 + 0.163 / fh1;
    double beamNormal =
        extraterrestrialWm2 * Math.max(0, b * Math.exp(-0.09 * airMass * (linkeTurbidity - 1)));
    // the beam may not exceed what the global irradiance leaves for it (Ineichen's second limit)
    double beamFromGlobal =
        ghi
            * Math.max(
                0, (1 - (0.1 - 0.2 * Math.exp(-linkeTurbidity)) / (0.1 + 0.882 / fh1)) / cosZenith);
    double dni = Math.min(beamNormal, beamFromGlobal);
    return new ClearSkyIrradiance(ghi, dni, Math.max(0, ghi - dni * cosZenith));
  }

  /** Kasten and Young (1989) relative optical air mass. */
  static double relativeAirMassKastenYoung(double zenithDeg) {
    return 1.0
        / (Math.cos(Math.toRadians(zenithDeg)) + 0.50572 * Math.pow(96.07995 - zenithDeg, -1.6364));
  }

  /** Barometric pressure at the altitude / sea-level pressure (standard atmosphere). */
  static double pressureRatio(double altitudeM) {
    return Math.pow(1 - 2.25577e-5 * altitudeM, 5.25588);
  }
}
