package io.voltstream.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiInstances;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.route.RouteSpec;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.infra.junit.MosquittoExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks EVERY route of the production route table (core and all modules) with every kind of
 * credential against a real API on real Kafka and InfluxDB, and checks each answer against the
 * design's role matrix (§4), which this test states independently of the routes' declarations.
 */
class AccessMatrixITCase {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension(1);
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();
  // the device credential routes need a broker with device auth to answer below 500
  @RegisterExtension static final MosquittoExtension MQTT = MosquittoExtension.withDeviceAuth();
  @TempDir static Path dataDir;

  private static final Set<Role> ALL = EnumSet.allOf(Role.class);
  private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

  private static ApiApp.Running api;
  private static ApiTestClient client;
  private static final Map<String, String> VALID = new LinkedHashMap<>();
  private static final Map<String, String> INVALID = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    // production wiring: the whole route table
    api =
        ApiInstances.startUnthrottled(
            KAFKA.bootstrapServers(),
            dataDir,
            INFLUX.url(),
            INFLUX.freshDatabase(),
            ApiInstances.deviceAuthEnv(MQTT));
    client = new ApiTestClient(api.port());
    String admin = ApiInstances.adminToken(api);
    VALID.put("admin", admin);
    VALID.put("operator", mint(admin, "operator"));
    VALID.put("viewer", mint(admin, "viewer"));

    String revoked = mint(admin, "admin");
    String revokeStatus =
        ""
            + client
                .post("/api/v1/tokens/revoke", admin, "{\"token\":\"" + revoked + "\"}")
                .status();
    assertThat(revokeStatus).isEqualTo("200");
    Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
    String expired =
        new JwtService(
                ApiInstances.SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                twoHoursAgo,
                id -> false)
            .issue("old-admin", Role.ADMIN, List.of(), Duration.ofHours(1))
            .token();
    INVALID.put("no token", null);
    INVALID.put("bad signature", AuthTestData.badSignature(Instant.now()));
    INVALID.put("expired", expired);
    INVALID.put("revoked", revoked);
    INVALID.put("alg none", AuthTestData.algNone(Instant.now()));
    INVALID.put("tampered role", AuthTestData.tamperedToAdmin(VALID.get("viewer")));
    INVALID.put("garbage", "not-a-jwt");
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void shouldDeclareTheDesignRolesOnEveryRoute() {
    SoftAssertions soft = new SoftAssertions();
    for (RouteSpec s : routes()) {
      if (s.access() == RouteSpec.Access.ROLES) {
        soft.assertThat(s.roles())
            .as("roles of %s %s", s.method(), s.path())
            .isEqualTo(designRoles(s.method(), s.path()));
      } else {
        soft.assertThat(Set.of("/health", "/docs", "/openapi.json", "/", "/ws"))
            .as("public route %s", s.path())
            .contains(s.path());
      }
    }
    soft.assertAll();
  }

  @Test
  void shouldEnforceTheRoleMatrixOnEveryRouteForEveryCredential() {
    SoftAssertions soft = new SoftAssertions();
    int checked = 0;
    for (RouteSpec s : routes()) {
      if (s.access() != RouteSpec.Access.ROLES) {
        continue;
      }
      String path = concrete(s.path());
      for (var bad : INVALID.entrySet()) {
        var r = call(s, path, bad.getValue());
        soft.assertThat(r.status())
            .as("%s %s with %s: %s", s.method(), path, bad.getKey(), r.body())
            .isEqualTo(401);
        soft.assertThat(r.contentType())
            .as("%s %s with %s", s.method(), path, bad.getKey())
            .startsWith("application/problem+json");
        checked++;
      }
      for (var good : VALID.entrySet()) {
        Role role = Role.fromWireName(good.getKey()).orElseThrow();
        var r = call(s, path, good.getValue());
        String what = s.method() + " " + path + " as " + good.getKey() + ": " + r.body();
        if (designRoles(s.method(), s.path()).contains(role)) {
          soft.assertThat(r.status()).as(what).isNotIn(401, 403, 405).isLessThan(500);
        } else {
          soft.assertThat(r.status()).as(what).isEqualTo(403);
        }
        checked++;
      }
    }
    org.slf4j.LoggerFactory.getLogger(AccessMatrixITCase.class)
        .info("access matrix: {} requests over {} routes", checked, routes().size());
    soft.assertThat(checked).isGreaterThan(200);
    soft.assertAll();
  }

  @Test
  void shouldServePublicRoutesWithoutAToken() {
    assertThat(client.get("/health", null).status()).isEqualTo(200);
    var health = client.get("/health", null).json();
    assertThat(health.get("components").get("kafka").asText()).isEqualTo("up");
    assertThat(health.has("kafka")).as("figures need a token").isFalse();
    assertThat(client.get("/openapi.json", null).status()).isEqualTo(200);
    assertThat(client.get("/docs", null).status()).isEqualTo(200);
  }

  @Test
  void shouldCloseWebSocketsOpenedWithABadCredential() throws Exception {
    List<RouteSpec> sockets = routes().stream().filter(RouteSpec::isWebSocket).toList();
    assertThat(sockets).extracting(RouteSpec::path).contains("/ws");
    for (RouteSpec s : sockets) {
      for (var bad : INVALID.entrySet()) {
        String query =
            bad.getValue() == null
                ? ""
                : "?token="
                    + java.net.URLEncoder.encode(
                        bad.getValue(), java.nio.charset.StandardCharsets.UTF_8);
        var closed = new java.util.concurrent.CompletableFuture<Integer>();
        java.net.http.WebSocket.Listener listener =
            new java.net.http.WebSocket.Listener() {
              @Override
              public java.util.concurrent.CompletionStage<?> onClose(
                  java.net.http.WebSocket ws, int code, String reason) {
                closed.complete(code);
                return null;
              }

              @Override
              public void onError(java.net.http.WebSocket ws, Throwable error) {
                closed.complete(-1);
              }
            };
        java.net.URI uri = java.net.URI.create("ws://127.0.0.1:" + api.port() + s.path() + query);
        try {
          var ws =
              java.net.http.HttpClient.newHttpClient()
                  .newWebSocketBuilder()
                  .buildAsync(uri, listener)
                  .get(5, java.util.concurrent.TimeUnit.SECONDS);
          if (bad.getValue() == null) {
            ws.sendText("{\"action\":\"subscribe\",\"streams\":[\"readings\"]}", true);
          }
          assertThat(closed.get(10, java.util.concurrent.TimeUnit.SECONDS))
              .as("%s with %s", s.path(), bad.getKey())
              .isIn(1008, -1);
        } catch (java.util.concurrent.ExecutionException refusedAtHandshake) {
          // also acceptable: the upgrade itself was refused
        }
      }
    }
  }

  private static ApiTestClient.Response call(RouteSpec s, String path, String token) {
    boolean body = s.isJsonBodyRoute() || s.method().equals("POST") || s.method().equals("PUT");
    return client.send(
        s.method(), path, token, body ? "application/json" : null, body ? "{}" : null);
  }

  private static List<RouteSpec> routes() {
    List<RouteSpec> out = new ArrayList<>(api.server().routeTable().specs());
    assertThat(out)
        .extracting(RouteSpec::path)
        .contains("/api/v1/sensors", "/api/v1/tokens/generate", "/health");
    return out;
  }

  private static String concrete(String path) {
    return path.replaceAll("\\{[^}]+}", "matrix-probe");
  }

  private static String mint(String admin, String role) {
    return client
        .post(
            "/api/v1/tokens/generate",
            admin,
            "{\"name\":\"matrix-" + role + "\",\"role\":\"" + role + "\"}")
        .json()
        .get("token")
        .asText();
  }

  /** Design §4's role matrix, written out here so a wrong declaration on a route fails the test. */
  static Set<Role> designRoles(String method, String path) {
    boolean read = method.equals("GET");
    if (path.startsWith("/api/v1/tokens")) {
      return ADMIN;
    }
    if (path.startsWith("/api/v1/sensors")) {
      return read ? ALL : method.equals("PUT") ? EnumSet.of(Role.ADMIN, Role.OPERATOR) : ADMIN;
    }
    if (path.startsWith("/api/v1/buildings/{id}/dispatch")
        || path.startsWith("/api/v1/buildings/{id}/tariff")) {
      return read
          ? EnumSet.of(Role.ADMIN, Role.OPERATOR)
          : ADMIN; // admin sets energy settings; operator views
    }
    if (path.startsWith("/api/v1/commands")) {
      return read ? EnumSet.of(Role.ADMIN, Role.OPERATOR) : ADMIN; // operator monitors commands
    }
    if (path.startsWith("/api/v1/rooms") || path.startsWith("/api/v1/buildings")) {
      return read ? ALL : ADMIN;
    }
    if (path.startsWith("/api/v1/analytics")
        || path.startsWith("/api/v1/data/query")
        || path.startsWith("/api/v1/export")
        || path.startsWith("/api/v1/events")
        || path.startsWith("/api/v1/forecast")) {
      return ALL; // view for every role; POST /data/query is a read
    }
    if (path.startsWith("/api/v1/batteries") || path.startsWith("/api/v1/iot")) {
      return read ? ALL : ADMIN; // admin controls; operator monitors; viewer views
    }
    if (path.startsWith("/api/v1/demand-response")) {
      return read ? EnumSet.of(Role.ADMIN, Role.OPERATOR) : ADMIN;
    }
    if (path.startsWith("/api/v1/automation")) {
      return read ? EnumSet.of(Role.ADMIN, Role.OPERATOR) : ADMIN; // admin manages; operator views
    }
    if (path.startsWith("/api/v1/p2p")) {
      return ADMIN;
    }
    if (path.equals("/api/v1/health")) {
      return EnumSet.of(Role.ADMIN, Role.OPERATOR); // platform figures: not for viewers
    }
    throw new AssertionError(
        method + " " + path + " is not in the design role matrix: add it here and to design §4");
  }
}
