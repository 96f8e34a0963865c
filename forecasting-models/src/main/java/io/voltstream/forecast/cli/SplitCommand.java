package io.voltstream.forecast.cli;

import io.voltstream.forecast.data.CsvSplitter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Splits a UCI CSV at a date into a training and a test file (for {@code evaluate}). */
@Command(
    name = "split",
    mixinStandardHelpOptions = true,
    description =
        "Split a UCI-format CSV at the start of a day into two CSVs with the same header.")
public final class SplitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, description = "The CSV to split.")
  Path input;

  @Option(
      names = "--at",
      required = true,
      description = "First day of the second file (yyyy-mm-dd).")
  LocalDate at;

  @Option(names = "--before", required = true, description = "Output: rows before --at.")
  Path before;

  @Option(names = "--after", required = true, description = "Output: rows from --at on.")
  Path after;

  @Override
  public Integer call() throws Exception {
    var result =
        CsvSplitter.split(input, at.atStartOfDay().toInstant(ZoneOffset.UTC), before, after);
    spec.commandLine()
        .getOut()
        .printf(
            "%d rows → %s, %d rows → %s, %d unparseable rows dropped%n",
            result.before(), before, result.after(), after, result.unparseable());
    return 0;
  }
}
