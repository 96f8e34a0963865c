package io.voltstream.forecast.streaming;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One run's forecast for one building (or one room of it) and target: the hourly values from {@code
 * origin} on, the model that made them, whether (and why) the persistence ensemble stood in for the
 * model, and what the production guard measured.
 *
 * @param room null for the whole building; else the room whose own meters were forecast
 * @param fallbackReason null when the model was used; else {@code model_missing}, {@code
 *     history_short}, {@code model_needs_weather}, {@code model_unit_mismatch}, {@code no_history}
 *     or {@code guard_baseline_better}
 * @param guard the guard's score of the candidate model; null when there was no usable model
 */
public record ForecastBatch(
    String building,
    String room,
    ForecastTarget target,
    Instant origin,
    String modelId,
    boolean fallback,
    String fallbackReason,
    Guard guard,
    List<HourValue> values) {

  /**
   * The forecast energy of one hour (the hour starting at {@code hour}): the point forecast (the
   * P50) and, when enough past errors were known, the P10 and P90 (else null).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HourValue(Instant hour, double valueKwh, Double p10Kwh, Double p90Kwh) {
    public HourValue(Instant hour, double valueKwh) {
      this(hour, valueKwh, null, null);
    }
  }

  /**
   * The production guard's view of the candidate model: its day-ahead skill against the persistence
   * ensemble on the trailing days, over {@code scoredHours} hours (the skill is NaN when nothing
   * could be scored; a decision needs {@code ProductionGuard.MIN_SCORED_HOURS}).
   */
  public record Guard(String candidateModelId, double skill, int scoredHours) {}

  /** A building-wide batch without a guard score (tests, fallbacks without a model). */
  public ForecastBatch(
      String building,
      ForecastTarget target,
      Instant origin,
      String modelId,
      boolean fallback,
      String fallbackReason,
      List<HourValue> values) {
    this(building, null, target, origin, modelId, fallback, fallbackReason, null, values);
  }

  public ForecastBatch {
    values = List.copyOf(values);
  }
}
