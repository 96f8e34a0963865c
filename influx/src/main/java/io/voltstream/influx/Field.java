package io.voltstream.influx;

import java.util.Locale;

/**
 * A field key of a {@link Measurement}, with its InfluxDB type and unit.
 *
 * @param name the field key; a unit-carrying field says its unit in the name ({@code power_w})
 * @param type the InfluxDB field type written
 * @param unit the unit of the value ({@code W}, {@code kWh}, ...), empty when it has none
 * @param description what the value is, for the docs
 */
public record Field(String name, Type type, String unit, String description) implements Column {
  /** The InfluxDB field types this code base writes. */
  public enum Type {
    FLOAT,
    INTEGER,
    STRING,
    BOOLEAN;

    /** Lower case, as the docs show it. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Field {
    InfluxQuery.requireIdentifier("field", name);
    unit = unit == null ? "" : unit;
  }
}
