package io.voltstream.forecast.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code voltstream forecast}: train, evaluate, split, and serve (the hourly service). The launcher
 * adds this as a subcommand; {@link #main} runs it standalone.
 */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    description = "Train, select and evaluate day-ahead energy forecasting models.",
    subcommands = {
      TrainCommand.class,
      EvaluateCommand.class,
      SelectCommand.class,
      SplitCommand.class,
      ServeCommand.class
    })
public final class ForecastCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  public static void main(String[] args) {
    System.exit(
        new CommandLine(new ForecastCommand())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .execute(args));
  }
}
