package io.voltstream.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Kinds of sensor a device may declare in {@code sensor_type} (design §3). */
public enum SensorType {
  ENERGY,
  POWER,
  CO2,
  TEMPERATURE,
  HUMIDITY,
  MULTI,
  PV,
  BATTERY,
  HVAC,
  PLUG,
  OCCUPANCY;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type named {@code wireName} on the wire, or empty when the name is unknown. */
  public static Optional<SensorType> fromWireName(String wireName) {
    if (wireName == null) {
      return Optional.empty();
    }
    return Arrays.stream(values())
        .filter(t -> t.wireName().equals(wireName.trim().toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  @JsonCreator
  static SensorType parse(String wireName) {
    return fromWireName(wireName)
        .orElseThrow(() -> new IllegalArgumentException("unknown sensor_type '" + wireName + "'"));
  }
}
