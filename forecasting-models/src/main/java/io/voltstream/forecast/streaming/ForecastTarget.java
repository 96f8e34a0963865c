package io.voltstream.forecast.streaming;

import io.voltstream.influx.Field;
import io.voltstream.influx.Schema;
import java.util.Locale;

/** What is forecast per building, and the {@code room_metrics} field summed to get its history. */
public enum ForecastTarget {
  CONSUMPTION("consumption", Schema.ROOM_METRICS.energyKwh),
  GENERATION("generation", Schema.ROOM_METRICS.generationKwh);

  private final String id;
  private final Field roomMetricsField;

  ForecastTarget(String id, Field roomMetricsField) {
    this.id = id;
    this.roomMetricsField = roomMetricsField;
  }

  /** The tag value and the model name ({@code consumption}, {@code generation}). */
  public String id() {
    return id;
  }

  public Field roomMetricsField() {
    return roomMetricsField;
  }

  public static ForecastTarget parse(String value) {
    for (ForecastTarget t : values()) {
      if (t.id.equals(value.trim().toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown forecast target '" + value + "': use consumption or generation");
  }
}
