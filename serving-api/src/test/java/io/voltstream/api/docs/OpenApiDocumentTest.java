package io.voltstream.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.route.RouteSpec;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /openapi.json} documents every route of the table, and {@code /docs} serves the vendored
 * UI.
 */
class OpenApiDocumentTest {
  private ApiDependencies deps;
  private Javalin app;
  private ApiTestClient client;

  @BeforeEach
  void start() {
    deps =
        ApiDependencies.inMemory(ApiConfig.fromEnv(Map.of(ApiConfig.PORT, "0")), Clock.systemUTC());
    app = ApiServer.create(deps).start("127.0.0.1", 0);
    client = new ApiTestClient(app.port());
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void shouldDocumentEveryRouteWithItsRolesParametersAndSchemas() {
    var r = client.get("/openapi.json", null);
    assertThat(r.status()).isEqualTo(200);
    JsonNode doc = r.json();
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");

    var specs = ApiServer.routeTable(deps).specs();
    assertThat(specs).hasSizeGreaterThan(20);
    for (RouteSpec s : specs) {
      String method = s.isWebSocket() ? "get" : s.method().toLowerCase(Locale.ROOT);
      JsonNode op = doc.path("paths").path(s.path()).path(method);
      assertThat(op.isMissingNode()).as("%s %s documented", s.method(), s.path()).isFalse();
      assertThat(op.get("x-roles").size())
          .as("roles of %s %s", s.method(), s.path())
          .isEqualTo(s.roles().size());
      assertThat(op.get("responses").size()).isPositive();
      for (String param : s.pathParamNames()) {
        assertThat(op.get("parameters").findValuesAsText("name")).contains(param);
      }
      if (s.access() == RouteSpec.Access.ROLES) {
        assertThat(op.get("security").get(0).has("bearer")).isTrue();
        assertThat(op.get("responses").has("401")).isTrue();
        assertThat(op.get("responses").has("403")).isTrue();
      }
    }
  }

  @Test
  void shouldDescribeRequestAndResponseBodiesInSnakeCase() {
    JsonNode doc = client.get("/openapi.json", null).json();
    JsonNode post = doc.path("paths").path("/api/v1/sensors").path("post");

    String ref =
        post.path("requestBody")
            .path("content")
            .path("application/json")
            .path("schema")
            .path("$ref")
            .asText();
    JsonNode schema =
        doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    assertThat(schema.path("properties").fieldNames())
        .toIterable()
        .contains("sensor_id", "room", "sensor_type", "name", "dr_enabled");
    assertThat(post.path("responses").has("422")).isTrue();
    assertThat(post.path("x-roles").get(0).asText()).isEqualTo("admin");
  }

  @Test
  void shouldServeTheDocsPageAndItsAssetsWithoutAToken() {
    var page = client.get("/docs", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("swagger-ui-bundle.js");

    var bundle = client.get("/docs/assets/swagger-ui-bundle.js", null);
    assertThat(bundle.status()).isEqualTo(200);
    assertThat(bundle.body().length()).isGreaterThan(100_000);
    assertThat(client.get("/docs/assets/voltstream-docs.js", null).body())
        .contains("/openapi.json");
  }
}
