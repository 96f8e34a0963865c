package io.voltstream.launcher;

import io.voltstream.forecast.cli.ForecastCommand;
import io.voltstream.launcher.dr.DrCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code voltstream} command: one entry point for every role (demo, ingest, jobs, api,
 * simulate, forecast, submit, stop, bench, scorecard, config, dr). Configuration comes from {@code
 * VOLTSTREAM_*} environment variables, overridden by flags; {@code voltstream config} lists them
 * all.
 */
@Command(
    name = "voltstream",
    mixinStandardHelpOptions = true,
    version = "voltstream 0.1.0",
    description = "Streaming energy management for smart buildings.",
    subcommands = {
      DemoCommand.class,
      InfraCommand.class,
      IngestCommand.class,
      JobsCommand.class,
      ApiCommand.class,
      SimulateCommand.class,
      ForecastCommand.class,
      PvEvaluateCommand.class,
      SubmitCommand.class,
      StopCommand.class,
      ReplayCommand.class,
      BenchCommand.class,
      ScorecardCommand.class,
      ConfigCommand.class,
      DrCommand.class,
      CommandLine.HelpCommand.class
    })
public final class VoltstreamCli implements Callable<Integer> {

  public static void main(String[] args) {
    int code =
        new CommandLine(new VoltstreamCli())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExecutionExceptionHandler(
                (ex, cmd, parsed) -> {
                  cmd.getErr()
                      .println("voltstream " + cmd.getCommandName() + ": " + ex.getMessage());
                  org.slf4j.LoggerFactory.getLogger(VoltstreamCli.class)
                      .debug("command failed", ex);
                  return 1;
                })
            .execute(args);
    System.exit(code);
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return 0;
  }
}
