package io.voltstream.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.auth.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API's meters through the real router: HTTP latency by route template, live hub gauges. */
class ApiMetersTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private Javalin app;
  private ApiTestClient client;
  private String admin;

  @BeforeEach
  void start() {
    ApiDependencies deps =
        ApiDependencies.inMemory(ApiConfig.fromEnv(Map.of(ApiConfig.PORT, "0")), Clock.systemUTC())
            .withMeters(registry);
    app = ApiServer.create(deps).start("127.0.0.1", 0);
    client = new ApiTestClient(app.port());
    admin = deps.jwt().issue("root", Role.ADMIN, List.of(), Duration.ofHours(1)).token();
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void requestsAreTimedByRouteTemplateNotByRawPath() {
    client.get("/api/v1/rooms/kitchen", admin);
    client.get("/api/v1/rooms/bedroom", admin);
    client.get("/no/such/thing", admin);

    String text = registry.scrape();

    assertThat(text)
        .contains(
            "voltstream_http_server_requests_seconds_count{method=\"GET\","
                + "route=\"/api/v1/rooms/{name}\",status=\"404\"} 2")
        .contains("route=\"unmatched\"")
        .doesNotContain("kitchen")
        .doesNotContain("bedroom");
  }

  @Test
  void liveHubFiguresAreServed() {
    String text = registry.scrape();

    assertThat(text)
        .contains("voltstream_live_sessions 0.0")
        .contains("voltstream_live_messages_shed_total 0.0");
  }
}
