package io.voltstream.forecast.cli;

import io.voltstream.forecast.streaming.ForecastServiceApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code voltstream forecast serve}: the hourly forecast service as its own process (compose's
 * {@code forecast} service). Settings come from the {@code VOLTSTREAM_*} variables ({@code
 * voltstream config} lists them); it runs until SIGTERM or Ctrl-C.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Run the hourly forecast service (settings from VOLTSTREAM_* variables, see `voltstream"
            + " config`) until stopped.")
public final class ServeCommand implements Callable<Integer> {
  @Override
  public Integer call() throws InterruptedException {
    ForecastServiceApp.main(new String[0]);
    return 0;
  }
}
