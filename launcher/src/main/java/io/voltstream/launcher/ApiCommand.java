package io.voltstream.launcher;

import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiConfig;
import io.voltstream.launcher.stack.Lifecycle;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs one API instance (REST, WebSocket, dashboard); several can run side by side. */
@Command(
    name = "api",
    mixinStandardHelpOptions = true,
    description = "Run the HTTP API, WebSocket feed and dashboard (see serving-api/README.md).")
final class ApiCommand implements Callable<Integer> {
  @Mixin ConnectionOptions options;

  @Override
  public Integer call() throws Exception {
    Map<String, String> env = options.environment();
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
