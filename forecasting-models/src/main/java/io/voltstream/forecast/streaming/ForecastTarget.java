package io.voltstream.forecast.streaming;

import java.util.Locale;

/** What is forecast per building, and the {@code room_metrics} field summed to get its history. */
public enum ForecastTarget {
  CONSUMPTION("consumption", "energy_kwh"),
  GENERATION("generation", "generation_kwh");

  private final String id;
  private final String roomMetricsField;

  ForecastTarget(String id, String roomMetricsField) {
    this.id = id;
    this.roomMetricsField = roomMetricsField;
  }

  /** The tag value and the model name ({@code consumption}, {@code generation}). */
  public String id() {
    return id;
  }

  public String roomMetricsField() {
    return roomMetricsField;
  }

  public static ForecastTarget parse(String value) {
    for (ForecastTarget t : values()) {
      if (t.id.equals(value.trim().toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown forecast target '" + value + "': use consumption or generation");
  }
}
