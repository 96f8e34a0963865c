package io.voltstream.api.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.Javalin;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /docs} renders the generated document in a real headless Chromium, without any CDN. */
class DocsPageITCase {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path profile;

  @Test
  void shouldRenderEveryTagOfTheApiInSwaggerUi() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
    ApiDependencies deps =
        ApiDependencies.inMemory(ApiConfig.fromEnv(Map.of(ApiConfig.PORT, "0")), Clock.systemUTC());
    Javalin app = ApiServer.create(deps).start("127.0.0.1", 0);
    try {
      String dom = dumpDom("http://127.0.0.1:" + app.port() + "/docs");

      assertThat(dom).contains("Voltstream API");
      assertThat(dom).contains("/api/v1/sensors/{id}").contains("/api/v1/tokens/generate");
      assertThat(dom)
          .contains("Tokens")
          .contains("Rooms")
          .contains("Sensors")
          .contains("Buildings");
    } finally {
      app.stop();
    }
  }

  private String dumpDom(String url) throws IOException, InterruptedException {
    Path out = profile.resolve("dom.html");
    Process p =
        new ProcessBuilder(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile.resolve("profile"),
                "--virtual-time-budget=10000",
                "--dump-dom",
                url)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    } finally {
      p.destroyForcibly();
      p.descendants().forEach(ProcessHandle::destroyForcibly);
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
