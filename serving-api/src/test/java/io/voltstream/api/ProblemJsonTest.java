package io.voltstream.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.voltstream.api.auth.Role;
import io.voltstream.api.error.Problem;
import io.voltstream.api.route.ResourceRoutes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error the API answers is RFC 9457 problem JSON, through the real router and real HTTP. */
class ProblemJsonTest {
  private Javalin app;
  private ApiTestClient client;
  private String admin;
  private String viewer;

  /** A route whose handler fails unexpectedly, to see the 500 shape. */
  private static final ResourceRoutes FAILING =
      routes ->
          routes
              .get(
                  "/api/v1/test/boom",
                  ctx -> {
                    throw new IllegalStateException("secret internal detail");
                  })
              .anyRole()
              .summary("always fails");

  @BeforeEach
  void start() {
    ApiConfig config =
        ApiConfig.fromEnv(
            Map.of(
                ApiConfig.PORT,
                "0",
                ApiConfig.RATE_LIMIT_RPS,
                "1",
                ApiConfig.RATE_LIMIT_BURST,
                "5",
                ApiConfig.MAX_BODY_BYTES,
                "2048"));
    ApiDependencies deps = ApiDependencies.inMemory(config, Clock.systemUTC());
    app = ApiServer.create(deps, FAILING).start("127.0.0.1", 0);
    client = new ApiTestClient(app.port());
    admin = deps.jwt().issue("admin", Role.ADMIN, List.of(), Duration.ofHours(1)).token();
    viewer = deps.jwt().issue("viewer", Role.VIEWER, List.of(), Duration.ofHours(1)).token();
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void shouldAnswerMalformedJsonWith400NamingTheBody() {
    var r = client.post("/api/v1/rooms", admin, "{\"name\": ");
    assertProblem(r, 400);
    assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
  }

  @Test
  void shouldAnswerWrongFieldTypeWith400NamingTheField() {
    var r = client.post("/api/v1/rooms", admin, "{\"name\": \"lab\", \"area_m2\": \"big\"}");
    assertProblem(r, 400);
    assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("area_m2");
  }

  @Test
  void shouldAnswerInvalidNameWith400NamingTheField() {
    var r = client.post("/api/v1/rooms", admin, "{\"name\": \"a b/../c\"}");
    assertProblem(r, 400);
    assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
  }

  @Test
  void shouldAnswerOversizeBodyWith413() {
    String big = "{\"name\": \"" + "x".repeat(4000) + "\"}";
    var r = client.post("/api/v1/rooms", admin, big);
    assertProblem(r, 413);
  }

  @Test
  void shouldAnswerNonJsonBodyWith415() {
    var r = client.send("POST", "/api/v1/rooms", admin, "text/plain", "name=lab");
    assertProblem(r, 415);
  }

  @Test
  void shouldAnswerRateLimitWith429AndRetryAfter() {
    ApiTestClient.Response last = null;
    for (int i = 0; i < 10; i++) {
      last = client.get("/api/v1/rooms", viewer);
      if (last.status() == 429) {
        break;
      }
    }
    assertProblem(last, 429);
    assertThat(last.headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
  }

  @Test
  void shouldRateLimitTokenGuessingPerIp() {
    ApiTestClient.Response last = null;
    for (int i = 0; i < 10 && (last == null || last.status() != 429); i++) {
      last = client.get("/api/v1/rooms", "guess-" + i);
    }
    assertProblem(last, 429);
  }

  @Test
  void shouldAnswerOversizeChunkedBodyWith413() throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + app.port() + "/api/v1/rooms"))
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                    () ->
                        new java.io.ByteArrayInputStream(
                            ("{\"name\":\"" + "y".repeat(8000) + "\"}").getBytes())))
            .build();
    var r =
        java.net.http.HttpClient.newHttpClient()
            .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertProblem(new ApiTestClient.Response(r.statusCode(), r.body(), r.headers()), 413);
  }

  @Test
  void shouldAnswerMissingTokenWith401() {
    var r = client.get("/api/v1/rooms", null);
    assertProblem(r, 401);
    assertThat(r.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
  }

  @Test
  void shouldAnswerWrongRoleWith403() {
    assertProblem(client.post("/api/v1/rooms", viewer, "{\"name\":\"lab\"}"), 403);
  }

  @Test
  void shouldAnswerUnknownPathWith404() {
    assertProblem(client.get("/api/v1/nothing-here", admin), 404);
  }

  @Test
  void shouldAnswerUnknownRoomWith404() {
    assertProblem(client.get("/api/v1/rooms/attic", admin), 404);
  }

  @Test
  void shouldAnswerWrongMethodWith405() {
    assertProblem(client.send("PATCH", "/api/v1/rooms", admin, null, null), 405);
  }

  @Test
  void shouldAnswerDuplicateWith409() {
    assertThat(client.post("/api/v1/rooms", admin, "{\"name\":\"lab\"}").status()).isEqualTo(201);
    assertProblem(client.post("/api/v1/rooms", admin, "{\"name\":\"lab\"}"), 409);
  }

  @Test
  void shouldAnswerUnknownRoomReferenceWith422NamingTheField() {
    var r =
        client.post(
            "/api/v1/sensors",
            admin,
            "{\"sensor_id\":\"s1\",\"room\":\"attic\",\"sensor_type\":\"co2\"}");
    assertProblem(r, 422);
    assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("room");
  }

  @Test
  void shouldHideInternalsOf500ButGiveAnErrorId() {
    var r = client.get("/api/v1/test/boom", admin);
    assertProblem(r, 500);
    assertThat(r.body())
        .doesNotContain("secret internal detail")
        .doesNotContain("IllegalStateException");
    assertThat(r.json().get("error_id").asText()).isNotBlank();
  }

  @Test
  void shouldAnswerTheJsonLiteralNullAsABodyWith400() {
    // found by OpenApiFuzzITCase: Javalin's bodyAsClass threw a NullPointerException → 500
    for (String body : List.of("null", " null\n")) {
      var r = client.post("/api/v1/rooms", admin, body);
      assertProblem(r, 400);
      assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
    }
  }

  @Test
  void shouldNameTheExpectedJsonKindInsteadOfAJavaTypeForAWrongType() {
    // found by OpenApiFuzzITCase: `java.util.ArrayList<java.lang.String>` reached the client
    var r = client.post("/api/v1/data/query", admin, "{\"sensors\": true}");
    assertProblem(r, 400);
    assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("sensors");
    assertThat(r.body()).doesNotContain("java.").contains("an array");
  }

  @Test
  void shouldAnswerRequestsJettyRefusesBeforeRoutingWithProblemJson() {
    // found by OpenApiFuzzITCase: these were Jetty's HTML error pages
    assertJettyProblem(client.get("/api/v1/rooms/%FF%FE", admin), 400);
    assertJettyProblem(client.get("/api/v1/rooms/%00", admin), 400);
    assertJettyProblem(client.delete("/api/v1/rooms/%FF%FE", admin), 400);
    assertJettyProblem(client.get("/api/v1/rooms?building=" + "x".repeat(20_000), admin), 414);
  }

  private static void assertJettyProblem(ApiTestClient.Response r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith(Problem.CONTENT_TYPE);
    JsonNode p = r.json();
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("type").asText()).startsWith(Problem.TYPE_BASE);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(r.body()).doesNotContain("<html", "Exception", "org.eclipse");
    // Jetty drops such a connection; without the header a client would reuse it and get no answer
    assertThat(r.headers().firstValue("Connection")).contains("close");
  }

  private static void assertProblem(ApiTestClient.Response r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith(Problem.CONTENT_TYPE);
    JsonNode p = r.json();
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("type").asText()).startsWith(Problem.TYPE_BASE);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("detail").asText()).isNotBlank();
    assertThat(p.get("instance").asText()).startsWith("/");
    if (status == 400 || status == 422) {
      assertThat(p.get("errors")).isNotEmpty();
    }
  }
}
