package io.voltstream.launcher;

import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.health.HealthOptions;
import io.voltstream.launcher.stack.Lifecycle;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs one API instance (REST, WebSocket, dashboard); several can run side by side. */
@Command(
    name = "api",
    mixinStandardHelpOptions = true,
    description = "Run the HTTP API, WebSocket feed and dashboard (see serving-api/README.md).")
final class ApiCommand implements Callable<Integer> {
  /** Where {@code voltstream jobs} serves its MiniCluster's REST API by default. */
  static final String LOCAL_FLINK_REST = "http://127.0.0.1:8081";

  @Mixin ConnectionOptions options;

  @Option(
      names = "--flink-rest",
      description =
          "Flink REST address whose jobs /health reports (default: VOLTSTREAM_FLINK_REST, else "
              + LOCAL_FLINK_REST
              + ", where `voltstream jobs` serves it); `off` = Flink not checked.")
  String flinkRest;

  @Override
  public Integer call() throws Exception {
    Map<String, String> env = new java.util.HashMap<>(options.environment());
    String flink =
        flinkRest != null
            ? flinkRest
            : env.getOrDefault(HealthOptions.FLINK_REST.name(), LOCAL_FLINK_REST);
    if (flink.equals("off")) {
      env.remove(HealthOptions.FLINK_REST.name());
    } else {
      env.put(HealthOptions.FLINK_REST.name(), flink);
    }
    Lifecycle lifecycle = new Lifecycle();
    ApiApp.Running api = lifecycle.add("API", ApiApp.start(ApiConfig.fromEnv(env), env));
    System.out.println(
        "API on "
            + api.baseUri()
            + " · admin token: "
            + api.adminTokenFile().toAbsolutePath().normalize());
    Blocking.untilShutdown(lifecycle);
    return 0;
  }
}
