package io.voltstream.ingest.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * The metric objects a reading may carry, with the units each accepts (converted to the unit named
 * in {@link io.voltstream.model.SensorReading}'s fields) and the plausible range of the normalised
 * value. Ranges are wide on purpose: they catch unit mix-ups and garbage, not unusual buildings.
 */
enum Metric {
  /** Energy since the previous reading, kWh. */
  ENERGY("energy", 0, 1_000_000, units(u("kWh", v -> v), u("Wh", v -> v / 1000))),
  /** Active power, W; negative values (export, battery discharge) are allowed. */
  POWER("power", -100_000_000, 100_000_000, units(u("W", v -> v), u("kW", v -> v * 1000))),
  /** CO2 concentration, ppm. */
  CO2("co2", 0, 100_000, units(u("ppm", v -> v))),
  /** Air temperature, °C; the lower bound is absolute zero. */
  TEMPERATURE(
      "temperature",
      -273.15,
      1000,
      units(
          u("C", v -> v),
          u("°C", v -> v),
          u("F", v -> (v - 32) * 5 / 9),
          u("°F", v -> (v - 32) * 5 / 9),
          u("K", v -> v - 273.15))),
  /** Relative humidity, %. */
  HUMIDITY("humidity", 0, 100, units(u("%", v -> v))),
  /** RMS voltage, V. */
  VOLTAGE("voltage", 0, 1_000_000, units(u("V", v -> v))),
  /** Energy generated since the previous reading, kWh. */
  GENERATION("generation", 0, 1_000_000, units(u("kWh", v -> v), u("Wh", v -> v / 1000)));

  private final String fieldName;
  private final double min;
  private final double max;
  private final Map<String, DoubleUnaryOperator> toCanonical;

  Metric(String fieldName, double min, double max, Map<String, DoubleUnaryOperator> toCanonical) {
    this.fieldName = fieldName;
    this.min = min;
    this.max = max;
    this.toCanonical = toCanonical;
  }

  String fieldName() {
    return fieldName;
  }

  /** The canonical value, or null when the unit is not accepted for this metric. */
  Double normalise(double value, String unit) {
    DoubleUnaryOperator conversion = toCanonical.get(unit);
    return conversion == null ? null : conversion.applyAsDouble(value);
  }

  boolean inRange(double canonicalValue) {
    // Temperature conversions can land a hair below absolute zero through rounding (0 K).
    return canonicalValue >= min - 1e-9 && canonicalValue <= max;
  }

  String acceptedUnits() {
    return String.join(", ", toCanonical.keySet());
  }

  String range() {
    return "[" + min + ", " + max + "]";
  }

  private static Map.Entry<String, DoubleUnaryOperator> u(
      String unit, DoubleUnaryOperator toCanonical) {
    return Map.entry(unit, toCanonical);
  }

  @SafeVarargs
  private static Map<String, DoubleUnaryOperator> units(
      Map.Entry<String, DoubleUnaryOperator>... entries) {
    Map<String, DoubleUnaryOperator> map = new LinkedHashMap<>();
    for (Map.Entry<String, DoubleUnaryOperator> entry : entries) {
      map.put(entry.getKey(), entry.getValue());
    }
    return Collections.unmodifiableMap(map);
  }
}
