package io.voltstream.jobs.dr;

import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import java.time.Duration;
import java.util.List;

/** Settings of the DR job ({@code voltstream config} lists them under "DR job"). */
public final class DrOptions {
  public static final Option<Duration> INTERVAL =
      Option.of(
          "VOLTSTREAM_DR_INTERVAL",
          ValueType.positiveDuration(),
          "10s",
          "Event time between two evaluations of a building (battery setpoint, load sample)");
  public static final Option<Duration> REPORT_INTERVAL =
      Option.of(
          "VOLTSTREAM_DR_REPORT_INTERVAL",
          ValueType.duration(Duration.ofSeconds(30), Duration.ofSeconds(60)),
          "30s",
          "Event time between two reports of a running event (dr-status, dr_performance)");
  public static final Option<Duration> COMMAND_VALIDITY =
      Option.of(
          "VOLTSTREAM_DR_COMMAND_VALIDITY",
          ValueType.positiveDuration(),
          "60s",
          "valid_until of a DR command = issue time + this; re-issued every interval while the"
              + " event runs");
  public static final Option<Duration> STALE_AFTER =
      Option.of(
          "VOLTSTREAM_DR_STALE_AFTER",
          ValueType.positiveDuration(),
          "5m",
          "A sensor's power, a battery's state or a device report older than this is forgotten");
  public static final Option<Duration> HISTORY =
      Option.of(
          "VOLTSTREAM_DR_HISTORY",
          ValueType.duration(Duration.ofDays(1), Duration.ofDays(60)),
          "15d",
          "15-minute grid-import history kept per building for the baselines (10 weekdays span"
              + " 14 days)");
  public static final Option<String> BASELINE_METHOD =
      Option.of(
          "VOLTSTREAM_DR_BASELINE_METHOD",
          ValueType.choice("10of10", "high4of5"),
          "10of10",
          "Baseline method of the DR verification");
  public static final Option<Boolean> SAME_DAY_ADJUSTMENT =
      Option.of(
          "VOLTSTREAM_DR_SAME_DAY_ADJUSTMENT",
          ValueType.bool(),
          "false",
          "Apply the ±20 % same-day adjustment to the baseline (off: on the UCI house it biased"
              + " 10of10 by −6.1 %, unadjusted −0.9 %; `voltstream dr placebo`)");

  private DrOptions() {}

  public static List<Option<?>> all() {
    return List.of(
        INTERVAL,
        REPORT_INTERVAL,
        COMMAND_VALIDITY,
        STALE_AFTER,
        HISTORY,
        BASELINE_METHOD,
        SAME_DAY_ADJUSTMENT);
  }
}
