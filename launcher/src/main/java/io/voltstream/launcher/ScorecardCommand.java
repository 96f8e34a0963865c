package io.voltstream.launcher;

import io.voltstream.energy.plan.PlannerConfig;
import io.voltstream.energy.scorecard.ReplayScenario;
import io.voltstream.energy.scorecard.Scorecard;
import io.voltstream.forecast.energy.PersistenceNetLoadForecaster;
import io.voltstream.sim.scenario.DemoWeek;
import io.voltstream.sim.scenario.UciWeek;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The battery scorecard (issue 8): replays a week of the demo building and a week of the UCI house
 * through every dispatch strategy in closed loop with the battery physics, against no battery and
 * the perfect-foresight optimum. Prints a table per scenario; with {@code --json} the last line is
 * one JSON object (see energy/README.md).
 */
@Command(
    name = "scorecard",
    mixinStandardHelpOptions = true,
    description =
        "Battery dispatch scorecard: each strategy replayed in closed loop over a week, against the"
            + " optimum.")
final class ScorecardCommand implements Callable<Integer> {
  static final String DEFAULT_UCI_CSV = "data/uci-appliances/energydata_2016-02-14_2016-04-30.csv";

  @Option(names = "--json", description = "Print one JSON object as the last line.")
  boolean json;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Simulator seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--days",
      defaultValue = "7",
      description = "Scored days per scenario (default ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--warmup-days",
      defaultValue = "14",
      description =
          "History days before the scored window, for forecasts and the peak threshold (default"
              + " ${DEFAULT-VALUE}, ≥ 8).")
  int warmupDays;

  @Option(
      names = "--uci-csv",
      defaultValue = DEFAULT_UCI_CSV,
      description = "UCI appliances CSV (default ${DEFAULT-VALUE}).")
  Path uciCsv;

  @Option(
      names = "--scenarios",
      split = ",",
      defaultValue = DemoWeek.NAME + "," + UciWeek.NAME,
      description = "Scenarios to run, the first is the primary one (default ${DEFAULT-VALUE}).")
  List<String> scenarios;

  @Override
  public Integer call() throws Exception {
    return run(System.out);
  }

  int run(PrintStream out) throws Exception {
    if (days < 1 || warmupDays < 8) {
      throw new IllegalArgumentException(
          "--days must be ≥ 1 and --warmup-days ≥ 8 (the forecasts need a week of history)");
    }
    List<Scorecard.Result> results = new ArrayList<>();
    for (String name : scenarios) {
      ReplayScenario scenario = scenario(name);
      Scorecard.Result result =
          Scorecard.run(scenario, new PersistenceNetLoadForecaster(), PlannerConfig.defaults());
      results.add(result);
      ScorecardReport.printTable(out, scenario, result);
    }
    if (json) {
      out.println(ScorecardReport.json(results));
    }
    return 0;
  }

  private ReplayScenario scenario(String name) throws Exception {
    if (name.equals(DemoWeek.NAME)) {
      return DemoWeek.scenario(seed, DemoWeek.DEFAULT_FIRST_SCORED_DAY, warmupDays, days);
    }
    if (name.equals(UciWeek.NAME)) {
      try (Reader csv = Files.newBufferedReader(uciCsv, StandardCharsets.UTF_8)) {
        return UciWeek.scenario(csv, seed, UciWeek.DEFAULT_FIRST_SCORED_DAY, warmupDays, days);
      }
    }
    throw new IllegalArgumentException(
        "unknown scenario '" + name + "': use " + DemoWeek.NAME + " or " + UciWeek.NAME);
  }
}
