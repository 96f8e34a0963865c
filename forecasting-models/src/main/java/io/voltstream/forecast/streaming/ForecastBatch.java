package io.voltstream.forecast.streaming;

import java.time.Instant;
import java.util.List;

/**
 * One run's forecast for one building and target: the hourly values from {@code origin} on, the
 * model that made them, and whether (and why) the persistence ensemble stood in for the model.
 *
 * @param fallbackReason null when the model was used; else {@code model_missing}, {@code
 *     history_short}, {@code model_needs_weather}, {@code model_unit_mismatch} or {@code
 *     no_history}
 */
public record ForecastBatch(
    String building,
    ForecastTarget target,
    Instant origin,
    String modelId,
    boolean fallback,
    String fallbackReason,
    List<HourValue> values) {

  /** The forecast energy of one hour (the hour starting at {@code hour}). */
  public record HourValue(Instant hour, double valueKwh) {}

  public ForecastBatch {
    values = List.copyOf(values);
  }
}
