package io.voltstream.model.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.voltstream.energy.EnergyValidationException;
import java.time.Duration;
import java.util.Locale;

/**
 * What a rule watches: {@code aggregate} of {@code metric} over the trailing {@code window_s} of
 * event time, for one room (its room metrics / its sensors' readings) or one sensor, compared with
 * {@code threshold}. The condition becomes true when the aggregate crosses {@code threshold} in the
 * {@code comparison}'s direction and clears only when it crosses back past {@code clear_threshold}
 * (hysteresis: for {@code above}, clear_threshold ≤ threshold; for {@code below}, ≥).
 *
 * @param metric {@code co2} (ppm), {@code temperature} (°C), {@code humidity} (%), {@code power}
 *     (W)
 * @param room the room watched (exactly one of room and sensor)
 * @param sensor the sensor watched
 * @param aggregate avg, min or max over the window
 * @param windowS the trailing window [s], 10 s … 24 h
 * @param comparison above or below
 * @param threshold the trigger threshold in the metric's unit
 * @param clearThreshold the clear threshold (defaults to threshold: no hysteresis)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleCondition(
    Metric metric,
    String room,
    String sensor,
    Aggregate aggregate,
    long windowS,
    Comparison comparison,
    double threshold,
    Double clearThreshold) {

  public enum Metric {
    CO2,
    TEMPERATURE,
    HUMIDITY,
    POWER
  }

  public enum Aggregate {
    AVG,
    MIN,
    MAX
  }

  public enum Comparison {
    ABOVE,
    BELOW
  }

  public RuleCondition {
    if (metric == null) {
      throw new EnergyValidationException("condition.metric", "is required");
    }
    if ((room == null) == (sensor == null)) {
      throw new EnergyValidationException("condition.room", "exactly one of room and sensor");
    }
    aggregate = aggregate == null ? Aggregate.AVG : aggregate;
    if (windowS < 10 || windowS > 24 * 3600) {
      throw new EnergyValidationException(
          "condition.window_s", "must be in [10, 86400], was " + windowS);
    }
    if (comparison == null) {
      throw new EnergyValidationException("condition.comparison", "is required");
    }
    if (!Double.isFinite(threshold)) {
      throw new EnergyValidationException("condition.threshold", "must be finite");
    }
    clearThreshold = clearThreshold == null ? threshold : clearThreshold;
    if (!Double.isFinite(clearThreshold)
        || (comparison == Comparison.ABOVE && clearThreshold > threshold)
        || (comparison == Comparison.BELOW && clearThreshold < threshold)) {
      throw new EnergyValidationException(
          "condition.clear_threshold",
          "must be finite and on the clear side of threshold for "
              + comparison.name().toLowerCase(Locale.ROOT)
              + ", was "
              + clearThreshold);
    }
  }

  public Duration window() {
    return Duration.ofSeconds(windowS);
  }
}
