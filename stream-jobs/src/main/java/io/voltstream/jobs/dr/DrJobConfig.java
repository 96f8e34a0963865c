package io.voltstream.jobs.dr;

import io.voltstream.config.ConfigReader;
import io.voltstream.energy.dr.baseline.BaselineMethod;
import io.voltstream.jobs.io.JobsConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the DR job: its own {@link DrOptions} and the jobs' shared watermark settings.
 *
 * @param interval event time between evaluations of a building (10 s)
 * @param reportInterval event time between reports of a running event (30 s)
 * @param commandValidity how long a DR command stays valid (60 s: re-issued every interval)
 * @param staleAfter sensor powers, battery states and device reports older than this are forgotten
 * @param history how much 15-minute import history is kept for the baselines
 * @param baselineMethod wire name of the baseline method ({@code 10of10}, {@code high4of5})
 * @param sameDayAdjustment whether the baseline gets the same-day adjustment
 * @param maxOutOfOrderness watermark lag behind the newest reading or battery report
 * @param idleness a partition quiet this long no longer holds the watermark
 * @param maxEventTimeAhead event times further ahead of the job's clock do not advance the
 *     watermark
 */
public record DrJobConfig(
    Duration interval,
    Duration reportInterval,
    Duration commandValidity,
    Duration staleAfter,
    Duration history,
    String baselineMethod,
    boolean sameDayAdjustment,
    Duration maxOutOfOrderness,
    Duration idleness,
    Duration maxEventTimeAhead)
    implements Serializable {

  public static final String JOB_NAME = "demand-response";

  public DrJobConfig {
    if (interval.toMillis() % 1000 != 0
        || Duration.ofMinutes(15).toSeconds() % interval.toSeconds() != 0) {
      // Samples must land evenly in every 15-minute interval of the baseline history.
      throw new IllegalArgumentException(
          DrOptions.INTERVAL.name()
              + " must be whole seconds dividing 15 minutes, was "
              + interval);
    }
    if (commandValidity.compareTo(interval) <= 0) {
      throw new IllegalArgumentException(
          DrOptions.COMMAND_VALIDITY.name()
              + " must exceed the interval ("
              + interval
              + "), was "
              + commandValidity);
    }
    BaselineMethod.fromWireName(baselineMethod);
  }

  public BaselineMethod method() {
    return BaselineMethod.fromWireName(baselineMethod);
  }

  public static DrJobConfig defaults() {
    return new DrJobConfig(
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        // issue time is event time, which trails the wall clock by the watermark delay (10 s) plus
        // the pipeline's lag; at 30 s a busy 2-core box left DR commands little time to arrive
        Duration.ofSeconds(60),
        Duration.ofMinutes(5),
        Duration.ofDays(15),
        "10of10",
        false, // the placebo test: unadjusted 10of10 keeps |bias| <= 5 % on both datasets
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(2));
  }

  public static DrJobConfig from(JobsConfig jobs, Map<String, String> env) {
    ConfigReader r = new ConfigReader(env);
    return new DrJobConfig(
        r.get(DrOptions.INTERVAL),
        r.get(DrOptions.REPORT_INTERVAL),
        r.get(DrOptions.COMMAND_VALIDITY),
        r.get(DrOptions.STALE_AFTER),
        r.get(DrOptions.HISTORY),
        r.get(DrOptions.BASELINE_METHOD),
        r.get(DrOptions.SAME_DAY_ADJUSTMENT),
        jobs.maxOutOfOrderness(),
        jobs.sourceIdleness(),
        jobs.maxEventTimeAhead());
  }
}
