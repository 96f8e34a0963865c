package io.voltstream.jobs.flexibility;

import io.voltstream.config.ConfigReader;
import io.voltstream.jobs.io.JobsConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the flexibility job: its own {@link FlexibilityOptions} and the jobs' shared
 * watermark settings.
 *
 * @param interval event time between evaluations of a building (10 s)
 * @param staleAfter meter powers and battery states older than this are forgotten
 * @param maxOutOfOrderness watermark lag behind the newest reading or battery report
 * @param idleness a partition quiet this long no longer holds the watermark
 * @param maxEventTimeAhead event times further ahead of the job's clock do not advance the
 *     watermark
 */
public record FlexibilityJobConfig(
    Duration interval,
    Duration staleAfter,
    Duration maxOutOfOrderness,
    Duration idleness,
    Duration maxEventTimeAhead)
    implements Serializable {

  public static final String JOB_NAME = "flexibility";

  public FlexibilityJobConfig {
    if (interval.toMillis() % 1000 != 0 || interval.isZero()) {
      throw new IllegalArgumentException(
          FlexibilityOptions.INTERVAL.name() + " must be whole seconds, was " + interval);
    }
    if (staleAfter.compareTo(interval) <= 0) {
      // A meter reporting once per interval would otherwise flicker to "unknown".
      throw new IllegalArgumentException(
          FlexibilityOptions.STALE_AFTER.name()
              + " must exceed the interval ("
              + interval
              + "), was "
              + staleAfter);
    }
  }

  public static FlexibilityJobConfig defaults() {
    return new FlexibilityJobConfig(
        Duration.ofSeconds(10),
        Duration.ofMinutes(2),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(2));
  }

  public static FlexibilityJobConfig from(JobsConfig jobs, Map<String, String> env) {
    ConfigReader r = new ConfigReader(env);
    return new FlexibilityJobConfig(
        r.get(FlexibilityOptions.INTERVAL),
        r.get(FlexibilityOptions.STALE_AFTER),
        jobs.maxOutOfOrderness(),
        jobs.sourceIdleness(),
        jobs.maxEventTimeAhead());
  }
}
