package io.voltstream.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A building's rooftop PV system as the registry holds it (the building's {@code latitude} and
 * {@code longitude} place it): what the generation forecast needs.
 *
 * @param capacityKwp nameplate (peak) power [kWp], &gt; 0
 * @param tiltDeg panel tilt from horizontal [0, 90] degrees; 0 = flat
 * @param azimuthDeg compass direction the panels face, clockwise from north [0, 360): 90 east, 180
 *     south, 270 west
 */
public record PvSystem(Double capacityKwp, Double tiltDeg, Double azimuthDeg) {
  /** JSON field name → what is wrong with it; empty when the system is valid. */
  public Map<String, String> violations() {
    Map<String, String> out = new LinkedHashMap<>();
    check(out, "capacity_kwp", capacityKwp, 0, false, 100_000, "a number > 0 and <= 100000");
    check(out, "tilt_deg", tiltDeg, 0, true, 90, "a number from 0 to 90");
    if (azimuthDeg == null || !(azimuthDeg >= 0 && azimuthDeg < 360)) {
      out.put("azimuth_deg", "required: a number from 0 up to (not including) 360");
    }
    return out;
  }

  private static void check(
      Map<String, String> out,
      String field,
      Double value,
      double min,
      boolean minIncluded,
      double max,
      String what) {
    boolean ok = value != null && (minIncluded ? value >= min : value > min) && value <= max;
    if (!ok) {
      out.put(field, "required: " + what);
    }
  }
}
