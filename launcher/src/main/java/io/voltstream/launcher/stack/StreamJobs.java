package io.voltstream.launcher.stack;

import io.voltstream.jobs.alerts.AlertJob;
import io.voltstream.jobs.batterystate.BatteryStateJob;
import io.voltstream.jobs.commands.CommandStatusJob;
import io.voltstream.jobs.dispatch.DispatchJob;
import io.voltstream.jobs.dr.DrJob;
import io.voltstream.jobs.dr.DrJobConfig;
import io.voltstream.jobs.flexibility.FlexibilityJob;
import io.voltstream.jobs.flexibility.FlexibilityJobConfig;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.market.MarketJob;
import io.voltstream.jobs.market.MarketJobConfig;
import io.voltstream.jobs.marketagents.MarketAgentsJob;
import io.voltstream.jobs.marketagents.MarketAgentsJobConfig;
import io.voltstream.jobs.rawstore.RawReadingsJob;
import io.voltstream.jobs.roommetrics.RoomAggregationJob;
import io.voltstream.jobs.rules.RulesJob;
import io.voltstream.jobs.settlement.SettlementJob;
import io.voltstream.jobs.settlement.SettlementJobConfig;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The Flink jobs Voltstream runs, by name, wired from configuration exactly as their {@code main}s
 * do.
 */
public final class StreamJobs {

  /** A job the launcher can run in a local MiniCluster or submit to a cluster. */
  public record Job(
      String name,
      String mainClass,
      BiConsumer<StreamExecutionEnvironment, Map<String, String>> wiring) {}

  public static final List<Job> ALL =
      List.of(
          new Job(
              "raw-readings",
              RawReadingsJob.class.getName(),
              (env, vars) -> RawReadingsJob.wireFromConfig(env, JobsConfig.fromEnv(vars))),
          new Job(
              "room-aggregation",
              RoomAggregationJob.class.getName(),
              (env, vars) -> RoomAggregationJob.wireFromConfig(env, JobsConfig.fromEnv(vars))),
          new Job(
              "alerts",
              AlertJob.class.getName(),
              (env, vars) -> AlertJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars)),
          new Job(
              "dispatch",
              DispatchJob.class.getName(),
              (env, vars) -> DispatchJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars)),
          new Job(
              CommandStatusJob.JOB_NAME,
              CommandStatusJob.class.getName(),
              (env, vars) -> CommandStatusJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars)),
          new Job(
              BatteryStateJob.JOB_NAME,
              BatteryStateJob.class.getName(),
              (env, vars) -> BatteryStateJob.wireFromConfig(env, JobsConfig.fromEnv(vars))),
          new Job(
              RulesJob.JOB_NAME,
              RulesJob.class.getName(),
              (env, vars) -> RulesJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars)),
          new Job(
              DrJobConfig.JOB_NAME,
              DrJob.class.getName(),
              (env, vars) -> DrJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars)),
          new Job(
              FlexibilityJobConfig.JOB_NAME,
              FlexibilityJob.class.getName(),
              (env, vars) -> FlexibilityJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars)),
          new Job(
              MarketJobConfig.JOB_NAME,
              MarketJob.class.getName(),
              (env, vars) -> MarketJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars)),
          new Job(
              MarketAgentsJobConfig.JOB_NAME,
              MarketAgentsJob.class.getName(),
              (env, vars) -> MarketAgentsJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars)),
          new Job(
              SettlementJobConfig.JOB_NAME,
              SettlementJob.class.getName(),
              (env, vars) -> SettlementJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars)));

  private StreamJobs() {}

  /**
   * Submits every job in {@code names} (all when empty) to {@code flink}, each resuming from its
   * retained checkpoint as the cluster was told ({@link LocalFlinkCluster.StartFrom}).
   */
  public static void runAll(LocalFlinkCluster flink, Map<String, String> vars, List<String> names)
      throws Exception {
    JobsConfig cfg = JobsConfig.fromEnv(vars);
    List<LocalFlinkCluster.Submission> submissions =
        ALL.stream()
            .filter(job -> names.isEmpty() || names.contains(job.name()))
            .map(
                job ->
                    new LocalFlinkCluster.Submission(
                        job.name(), env -> job.wiring().accept(env, vars)))
            .toList();
    flink.submitAll(cfg.checkpointInterval(), submissions);
  }

  /**
   * Task slots a MiniCluster needs to run every job at once: each job occupies {@link
   * LocalFlinkCluster#JOB_PARALLELISM} slots (slot sharing within a job, none across jobs). With
   * fewer, the last jobs submitted stay SCHEDULED forever without an error.
   */
  public static int requiredSlots() {
    return ALL.size() * LocalFlinkCluster.JOB_PARALLELISM;
  }

  public static List<String> names() {
    return ALL.stream().map(Job::name).toList();
  }
}
