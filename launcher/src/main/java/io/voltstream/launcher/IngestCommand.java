package io.voltstream.launcher;

import io.voltstream.ingest.IngestConfig;
import io.voltstream.ingest.app.IngestApp;
import io.voltstream.launcher.stack.Lifecycle;
import io.voltstream.metrics.MetricsEndpoint;
import io.voltstream.metrics.MetricsOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs one ingest instance (MQTT → Kafka); start several, they share the MQTT subscription. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Run the MQTT → Kafka ingest (see ingest/README.md for its VOLTSTREAM_INGEST_* settings).")
final class IngestCommand implements Callable<Integer> {
  @Mixin ConnectionOptions options;

  @Override
  public Integer call() throws Exception {
    Lifecycle lifecycle = new Lifecycle();
    var env = options.environment();
    lifecycle.add(
        "ingest",
        IngestApp.start(
            IngestConfig.fromEnv(env), MetricsEndpoint.fromEnv(env, MetricsOptions.INGEST_PORT)));
    Blocking.untilShutdown(lifecycle);
    return 0;
  }
}
