package io.voltstream.launcher.dr;

import io.voltstream.energy.dr.baseline.BaselineMethod;
import io.voltstream.energy.dr.baseline.Placebo;
import io.voltstream.energy.dr.baseline.PlaceboResult;
import io.voltstream.energy.dr.baseline.PlaceboWindow;
import io.voltstream.sim.SimulatorConfig;
import io.voltstream.sim.scenario.DemoWeek;
import io.voltstream.sim.scenario.UciWeek;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code voltstream dr placebo}: the baselines' placebo test (issue 9 §5). On every day of the demo
 * building's simulated load and of the UCI house's metered load — days without any DR event —
 * pretends an event in fixed local windows, computes each baseline method from what was known
 * before the window, and reports bias and CV(RMSE) against the load that actually happened. Prints
 * a table; with {@code --json} the last line is one JSON object (see energy/README.md).
 */
@Command(
    name = "placebo",
    mixinStandardHelpOptions = true,
    description =
        "Baseline placebo test: bias and CV(RMSE) of each baseline method on days without events.")
final class PlaceboCommand implements Callable<Integer> {
  /** Issue 9's goal for the placebo bias [%]. */
  static final double GOAL_ABS_BIAS_PERCENT = 5.0;

  @Option(names = "--json", description = "Print one JSON object as the last line.")
  boolean json;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Simulator seed of the demo building (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--demo-first-day",
      defaultValue = "2026-03-02",
      description =
          "First simulated day of the demo building (default ${DEFAULT-VALUE}, a Monday).")
  LocalDate demoFirstDay;

  @Option(
      names = "--demo-days",
      defaultValue = "56",
      description = "Simulated days of the demo building (default ${DEFAULT-VALUE} = 8 weeks).")
  int demoDays;

  @Option(
      names = "--uci-csv",
      defaultValue = SimulatorConfig.DEFAULT_REPLAY_FILE,
      description = "UCI appliances CSV (default ${DEFAULT-VALUE}).")
  Path uciCsv;

  @Option(
      names = "--windows",
      split = ",",
      defaultValue = "12:00-14:00,17:00-19:00",
      description = "Pretend event windows, local time (default ${DEFAULT-VALUE}).")
  List<String> windows;

  @Option(
      names = "--datasets",
      split = ",",
      defaultValue = DemoWeek.NAME + "," + UciWeek.NAME,
      description = "Datasets to run (default ${DEFAULT-VALUE}).")
  List<String> datasets;

  @Override
  public Integer call() throws Exception {
    return run(System.out);
  }

  int run(PrintStream out) throws Exception {
    if (demoDays < 2) {
      throw new IllegalArgumentException("--demo-days must be ≥ 2 (the first day is history only)");
    }
    List<PlaceboWindow> parsed = windows.stream().map(PlaceboWindow::parse).toList();
    Map<PlaceboDataset, List<PlaceboResult>> results = new LinkedHashMap<>();
    for (String name : datasets) {
      PlaceboDataset dataset = dataset(name);
      List<PlaceboResult> rows = new ArrayList<>();
      for (BaselineMethod method : BaselineMethod.values()) {
        for (boolean adjusted : new boolean[] {false, true}) {
          rows.add(Placebo.run(dataset.history(), dataset.zone(), parsed, method, adjusted));
        }
      }
      results.put(dataset, rows);
    }
    PlaceboReport.printTable(out, parsed, results, GOAL_ABS_BIAS_PERCENT);
    if (json) {
      out.println(PlaceboReport.json(parsed, results, GOAL_ABS_BIAS_PERCENT));
    }
    return 0;
  }

  private PlaceboDataset dataset(String name) throws Exception {
    if (name.equals(DemoWeek.NAME)) {
      return PlaceboDataset.demo(seed, demoFirstDay, demoDays);
    }
    if (name.equals(UciWeek.NAME)) {
      try (Reader csv = Files.newBufferedReader(uciCsv, StandardCharsets.UTF_8)) {
        return PlaceboDataset.uci(csv);
      }
    }
    throw new IllegalArgumentException(
        "unknown dataset '" + name + "': use " + DemoWeek.NAME + " or " + UciWeek.NAME);
  }
}
