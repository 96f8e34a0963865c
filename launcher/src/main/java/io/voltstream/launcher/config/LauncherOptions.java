package io.voltstream.launcher.config;

import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import io.voltstream.sim.SimulatorConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * Settings of the launcher itself: job submission, the demo's first model, the script (the local
 * servers' are {@code StackOptions}).
 */
public final class LauncherOptions {
  public static final Option<Path> JOB_JAR =
      Option.of(
          "VOLTSTREAM_JOB_JAR",
          ValueType.path(),
          null,
          "Shaded job jar (or a directory holding *-job.jar) for `voltstream submit`; unset ="
              + " stream-jobs/target");
  public static final Option<Path> FORECAST_TRAINING_CSV =
      Option.of(
          "VOLTSTREAM_FORECAST_TRAINING_CSV",
          ValueType.path(),
          SimulatorConfig.DEFAULT_REPLAY_FILE,
          "UCI file the demo trains its first consumption model from");
  public static final Option<String> JAVA_OPTS =
      Option.of(
          "VOLTSTREAM_JAVA_OPTS",
          ValueType.string(),
          "-Xms256m -Xmx1280m -XX:+UseG1GC -XX:MaxGCPauseMillis=50",
          "JVM options of the launcher (read by the ./voltstream script; never passed to jobs)");
  public static final Option<Boolean> SKIP_BROWSER =
      Option.of(
          "VOLTSTREAM_SKIP_BROWSER",
          ValueType.bool(),
          "false",
          "scripts/prereqs.sh: do not install the headless browser the dashboard tests need");

  private LauncherOptions() {}

  public static List<Option<?>> all() {
    return List.of(JOB_JAR, FORECAST_TRAINING_CSV, JAVA_OPTS, SKIP_BROWSER);
  }
}
