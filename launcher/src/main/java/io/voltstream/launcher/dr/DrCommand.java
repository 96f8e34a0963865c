package io.voltstream.launcher.dr;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code voltstream dr}: offline demand-response tools (issue 9); today the baseline placebo. */
@Command(
    name = "dr",
    mixinStandardHelpOptions = true,
    description = "Demand-response tools: baseline verification.",
    subcommands = {PlaceboCommand.class})
public final class DrCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
