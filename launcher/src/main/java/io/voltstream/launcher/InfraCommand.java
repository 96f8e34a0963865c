package io.voltstream.launcher;

import io.voltstream.launcher.stack.Lifecycle;
import io.voltstream.launcher.stack.LocalInfrastructure;
import io.voltstream.launcher.stack.LocalInfrastructure.LocalInfrastructureConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Starts only the local servers (Kafka, mosquitto, influxd), for running the roles separately. */
@Command(
    name = "infra",
    mixinStandardHelpOptions = true,
    description =
        "Run only Kafka (in-process), mosquitto and influxd with data under the data dir.")
final class InfraCommand implements Callable<Integer> {
  @Mixin ConnectionOptions options;

  @Override
  public Integer call() throws Exception {
    Lifecycle lifecycle = new Lifecycle();
    LocalInfrastructure infra =
        lifecycle.add(
            "local servers",
            LocalInfrastructure.start(LocalInfrastructureConfig.fromEnv(options.environment())));
    System.out.println(
        "Kafka "
            + infra.kafka().bootstrapServers()
            + " · MQTT "
            + infra.mosquitto().serverUri()
            + " · InfluxDB "
            + infra.influx().url()
            + " — Ctrl-C stops them.");
    Blocking.untilShutdown(lifecycle);
    return 0;
  }
}
