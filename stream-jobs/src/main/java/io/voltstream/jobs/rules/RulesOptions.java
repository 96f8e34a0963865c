package io.voltstream.jobs.rules;

import io.voltstream.config.ConfigReader;
import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import io.voltstream.jobs.io.JobsConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Settings of the rules job ({@code voltstream config} lists them under "rules job"). */
public final class RulesOptions {
  public static final Option<Duration> COMMAND_VALIDITY =
      Option.of(
          "VOLTSTREAM_RULES_COMMAND_VALIDITY",
          ValueType.positiveDuration(),
          "5m",
          "valid_until of a rule's command = firing time + this (a device must not apply it"
              + " later)");

  private RulesOptions() {}

  public static List<Option<?>> all() {
    return List.of(COMMAND_VALIDITY);
  }

  /**
   * The rules job's settings: its own and the jobs' shared watermark settings.
   *
   * @param commandValidity how long a rule's command may still be applied
   * @param maxOutOfOrderness watermark lag behind the newest reading
   * @param idleness a partition quiet this long no longer holds the watermark
   * @param maxEventTimeAhead readings stamped further ahead of the job's clock do not advance the
   *     watermark
   */
  public record Settings(
      Duration commandValidity,
      Duration maxOutOfOrderness,
      Duration idleness,
      Duration maxEventTimeAhead)
      implements Serializable {
    public static Settings from(JobsConfig jobs, Map<String, String> vars) {
      return new Settings(
          new ConfigReader(vars).get(COMMAND_VALIDITY),
          jobs.maxOutOfOrderness(),
          jobs.sourceIdleness(),
          jobs.maxEventTimeAhead());
    }
  }
}
