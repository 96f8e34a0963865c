package io.voltstream.jobs.alerts;

import io.voltstream.jobs.alerts.logic.AlertThresholds;
import io.voltstream.jobs.io.Durations;
import io.voltstream.jobs.io.JobsConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the alert job. Thresholds from {@code VOLTSTREAM_ALERT_*} (defaults in brackets):
 * {@code VOLTSTREAM_ALERT_CO2_MAX_PPM} [1000], {@code VOLTSTREAM_ALERT_TEMPERATURE_MIN_C} [16],
 * {@code VOLTSTREAM_ALERT_TEMPERATURE_MAX_C} [28], {@code VOLTSTREAM_ALERT_SENSOR_SILENCE} [5m],
 * {@code VOLTSTREAM_ALERT_LATE_BURST_PER_MINUTE} [10], {@code VOLTSTREAM_ALERT_LATE_BURST_GRACE} [70s:
 * how long after the first late reading of a minute the count is evaluated]. Watermark settings come
 * from the shared {@link JobsConfig} ({@code VOLTSTREAM_MAX_OUT_OF_ORDERNESS}, {@code VOLTSTREAM_SOURCE_IDLENESS}).
 */
public record AlertJobConfig(
    AlertThresholds thresholds, Duration maxOutOfOrderness, Duration idleness, Duration lateBurstGrace)
    implements Serializable {

  public static final String JOB_NAME = "alerts";
  public static final String CO2_MAX_PPM = "VOLTSTREAM_ALERT_CO2_MAX_PPM";
  public static final String TEMPERATURE_MIN_C = "VOLTSTREAM_ALERT_TEMPERATURE_MIN_C";
  public static final String TEMPERATURE_MAX_C = "VOLTSTREAM_ALERT_TEMPERATURE_MAX_C";
  public static final String SENSOR_SILENCE = "VOLTSTREAM_ALERT_SENSOR_SILENCE";
  public static final String LATE_BURST_PER_MINUTE = "VOLTSTREAM_ALERT_LATE_BURST_PER_MINUTE";
  public static final String LATE_BURST_GRACE = "VOLTSTREAM_ALERT_LATE_BURST_GRACE";

  public AlertJobConfig {
    if (thresholds == null) {
      throw new IllegalArgumentException("thresholds must be set");
    }
    if (lateBurstGrace == null || lateBurstGrace.isNegative() || lateBurstGrace.isZero()) {
      throw new IllegalArgumentException(LATE_BURST_GRACE + " must be a positive duration, was " + lateBurstGrace);
    }
    if (idleness == null || idleness.isZero() || idleness.isNegative()) {
      throw new IllegalArgumentException(JobsConfig.SOURCE_IDLENESS + " must be positive, was " + idleness);
    }
  }

  public static AlertJobConfig fromEnv(Map<String, String> env) {
    return from(JobsConfig.fromEnv(env), env);
  }

  /** The watermark settings of {@code jobs} and the thresholds of {@code env}. */
  public static AlertJobConfig from(JobsConfig jobs, Map<String, String> env) {
    double tMin = number(env, TEMPERATURE_MIN_C, 16);
    double tMax = number(env, TEMPERATURE_MAX_C, 28);
    if (tMin >= tMax) {
      throw new IllegalArgumentException(TEMPERATURE_MIN_C + " (" + tMin + ") must be below " + TEMPERATURE_MAX_C + " (" + tMax + ")");
    }
    Duration silence = Durations.parse(SENSOR_SILENCE, text(env, SENSOR_SILENCE, "5m"));
    if (silence.isZero()) {
      throw new IllegalArgumentException(SENSOR_SILENCE + " must be positive");
    }
    double burst = number(env, LATE_BURST_PER_MINUTE, 10);
    if (burst < 0 || burst != Math.rint(burst)) {
      throw new IllegalArgumentException(LATE_BURST_PER_MINUTE + ": '" + burst + "' must be a whole number >= 0");
    }
    return new AlertJobConfig(
        new AlertThresholds(number(env, CO2_MAX_PPM, 1000), tMin, tMax, silence, (long) burst),
        jobs.maxOutOfOrderness(),
        jobs.sourceIdleness(),
        Durations.parse(LATE_BURST_GRACE, text(env, LATE_BURST_GRACE, "70s")));
  }

  private static String text(Map<String, String> env, String key, String dflt) {
    String v = env.get(key);
    return v == null || v.isBlank() ? dflt : v.trim();
  }

  private static double number(Map<String, String> env, String key, double dflt) {
    String v = env.get(key);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(key + ": '" + v + "' is not a number");
  }
}
