package io.voltstream.sim.device.pv;

/**
 * A PV array's size and orientation.
 *
 * @param peakPowerW nameplate (peak) power [W], ≥ 0
 * @param tiltDeg panel tilt from horizontal [0, 90] degrees; 0 = flat
 * @param azimuthDeg compass direction the panels face, clockwise from north: 90 east, 180 south,
 *     270 west (irrelevant when flat)
 */
public record PvArray(double peakPowerW, double tiltDeg, double azimuthDeg) {
  public PvArray {
    if (!(peakPowerW >= 0) || !(tiltDeg >= 0 && tiltDeg <= 90) || !Double.isFinite(azimuthDeg)) {
      throw new IllegalArgumentException(
          "PV array needs peak power >= 0 W and tilt 0..90 degrees, was "
              + peakPowerW
              + " W, "
              + tiltDeg
              + " degrees");
    }
  }

  /** A flat (horizontal) array: it sees the global horizontal irradiance as it is. */
  public static PvArray horizontal(double peakPowerW) {
    return new PvArray(peakPowerW, 0.0, 180.0);
  }
}
