package io.voltstream.launcher;

import io.voltstream.launcher.config.ConfigListing;
import io.voltstream.launcher.config.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Lists every {@code VOLTSTREAM_*} setting with its current value (secrets masked), its source
 * (env, flag or default) and its description, then any value that does not parse and any variable
 * no deployable reads. Exit code 1 when a value does not parse.
 */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description =
        "List every VOLTSTREAM_* setting: current value (secrets masked), source (env, flag,"
            + " default) and description; report invalid, deprecated and unknown variables.")
public final class ConfigCommand implements Callable<Integer> {
  @Mixin ConnectionOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ConfigListing listing =
        new ConfigListing(Settings.bySection(), System.getenv(), options.flags());
    spec.commandLine().getOut().print(listing.render());
    spec.commandLine().getOut().flush();
    return listing.errors().isEmpty() ? 0 : 1;
  }
}
