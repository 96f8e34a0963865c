package io.voltstream.jobs.dispatch;

import io.voltstream.config.ConfigReader;
import io.voltstream.jobs.io.JobsConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the dispatch job: its own {@link DispatchOptions} and the jobs' shared watermark
 * settings.
 *
 * @param interval event time between decisions of a building (10 s)
 * @param commandValidity how long a dispatch command stays valid (30 s: three decisions)
 * @param staleAfter sensor powers and battery states older than this are forgotten
 * @param maxOutOfOrderness watermark lag behind the newest reading or battery report
 * @param idleness a partition quiet this long no longer holds the watermark
 * @param maxEventTimeAhead event times further ahead of the job's clock do not advance the
 *     watermark
 */
public record DispatchJobConfig(
    Duration interval,
    Duration commandValidity,
    Duration staleAfter,
    Duration maxOutOfOrderness,
    Duration idleness,
    Duration maxEventTimeAhead)
    implements Serializable {

  public static final String JOB_NAME = "dispatch";

  public DispatchJobConfig {
    if (interval.toMillis() % 1000 != 0
        || Duration.ofMinutes(15).toSeconds() % interval.toSeconds() != 0) {
      // Decisions must land on every 15-minute boundary, where the plan is re-made.
      throw new IllegalArgumentException(
          DispatchOptions.INTERVAL.name()
              + " must be whole seconds dividing 15 minutes, was "
              + interval);
    }
    if (commandValidity.compareTo(interval) <= 0) {
      throw new IllegalArgumentException(
          DispatchOptions.COMMAND_VALIDITY.name()
              + " must exceed the interval ("
              + interval
              + "), was "
              + commandValidity);
    }
  }

  public static DispatchJobConfig defaults() {
    return new DispatchJobConfig(
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(2));
  }

  public static DispatchJobConfig from(JobsConfig jobs, Map<String, String> env) {
    ConfigReader r = new ConfigReader(env);
    return new DispatchJobConfig(
        r.get(DispatchOptions.INTERVAL),
        r.get(DispatchOptions.COMMAND_VALIDITY),
        r.get(DispatchOptions.STALE_AFTER),
        jobs.maxOutOfOrderness(),
        jobs.sourceIdleness(),
        jobs.maxEventTimeAhead());
  }
}
