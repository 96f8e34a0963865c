package io.voltstream.jobs.commands;

import io.voltstream.config.ConfigReader;
import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The command-status job's own settings, declared once. */
public final class CommandStatusOptions {
  public static final Option<Duration> ACK_TIMEOUT =
      Option.of(
          "VOLTSTREAM_COMMAND_ACK_TIMEOUT",
          ValueType.positiveDuration(),
          "30s",
          "A command without an acknowledgement this long after issued_at times out");
  public static final Option<Duration> ORPHAN_ACK_TTL =
      Option.of(
          "VOLTSTREAM_COMMAND_ORPHAN_ACK_TTL",
          ValueType.positiveDuration(),
          "5m",
          "How long an acknowledgement waits for its command before it is dropped");

  private CommandStatusOptions() {}

  public static List<Option<?>> all() {
    return List.of(ACK_TIMEOUT, ORPHAN_ACK_TTL);
  }

  /** The settings of the job, read from {@code vars}. */
  public record Settings(Duration ackTimeout, Duration orphanAckTtl)
      implements java.io.Serializable {
    public static Settings from(Map<String, String> vars) {
      ConfigReader r = new ConfigReader(vars);
      return new Settings(r.get(ACK_TIMEOUT), r.get(ORPHAN_ACK_TTL));
    }
  }
}
