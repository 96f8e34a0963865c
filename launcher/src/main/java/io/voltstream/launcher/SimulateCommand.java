package io.voltstream.launcher;

import io.voltstream.launcher.stack.Lifecycle;
import io.voltstream.sim.SimulatorApp;
import io.voltstream.sim.SimulatorConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the building simulators (synthetic demo building or UCI replay, per VOLTSTREAM_SIM_*). */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description =
        "Publish simulated or replayed building readings over MQTT (see simulators/README.md; "
            + "e.g. --set VOLTSTREAM_SIM_MODE=replay --set VOLTSTREAM_REPLAY_SPEED=600).")
final class SimulateCommand implements Callable<Integer> {
  @Mixin ConnectionOptions options;

  @Override
  public Integer call() throws Exception {
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.add("simulators", SimulatorApp.start(SimulatorConfig.fromEnv(options.environment())));
    Blocking.untilShutdown(lifecycle);
    return 0;
  }
}
