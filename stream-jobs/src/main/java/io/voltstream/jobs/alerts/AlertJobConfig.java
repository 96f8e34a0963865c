package io.voltstream.jobs.alerts;

import io.voltstream.config.ConfigReader;
import io.voltstream.jobs.alerts.logic.AlertThresholds;
import io.voltstream.jobs.io.JobsConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the alert job: the thresholds declared in {@link AlertOptions} and the watermark
 * settings of the shared {@link JobsConfig} ({@code VOLTSTREAM_MAX_OUT_OF_ORDERNESS}, {@code
 * VOLTSTREAM_SOURCE_IDLENESS}, {@code VOLTSTREAM_MAX_EVENT_TIME_AHEAD}).
 */
public record AlertJobConfig(
    AlertThresholds thresholds,
    Duration maxOutOfOrderness,
    Duration idleness,
    Duration lateBurstGrace,
    Duration maxEventTimeAhead)
    implements Serializable {

  public static final String JOB_NAME = "alerts";
  // Variable names, for callers that build an environment map (declared in AlertOptions).
  public static final String LATE_BURST_PER_MINUTE = AlertOptions.LATE_BURST_PER_MINUTE.name();
  public static final String LATE_BURST_GRACE = AlertOptions.LATE_BURST_GRACE.name();

  public AlertJobConfig {
    if (thresholds == null) {
      throw new IllegalArgumentException("thresholds must be set");
    }
    if (lateBurstGrace == null || lateBurstGrace.isNegative() || lateBurstGrace.isZero()) {
      throw new IllegalArgumentException(
          LATE_BURST_GRACE + " must be a positive duration, was " + lateBurstGrace);
    }
    if (idleness == null || idleness.isZero() || idleness.isNegative()) {
      throw new IllegalArgumentException(
          JobsConfig.SOURCE_IDLENESS + " must be positive, was " + idleness);
    }
  }

  public static AlertJobConfig fromEnv(Map<String, String> env) {
    return from(JobsConfig.fromEnv(env), env);
  }

  /** The watermark settings of {@code jobs} and the thresholds of {@code env}. */
  public static AlertJobConfig from(JobsConfig jobs, Map<String, String> env) {
    ConfigReader r = new ConfigReader(env);
    double tMin = r.get(AlertOptions.TEMPERATURE_MIN_C);
    double tMax = r.get(AlertOptions.TEMPERATURE_MAX_C);
    if (tMin >= tMax) {
      throw new IllegalArgumentException(
          AlertOptions.TEMPERATURE_MIN_C.name()
              + " ("
              + tMin
              + ") must be below "
              + AlertOptions.TEMPERATURE_MAX_C.name()
              + " ("
              + tMax
              + ")");
    }
    return new AlertJobConfig(
        new AlertThresholds(
            r.get(AlertOptions.CO2_MAX_PPM),
            tMin,
            tMax,
            r.get(AlertOptions.SENSOR_SILENCE),
            r.get(AlertOptions.LATE_BURST_PER_MINUTE)),
        jobs.maxOutOfOrderness(),
        jobs.sourceIdleness(),
        r.get(AlertOptions.LATE_BURST_GRACE),
        jobs.maxEventTimeAhead());
  }
}
