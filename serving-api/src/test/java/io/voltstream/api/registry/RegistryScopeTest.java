package io.voltstream.api.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
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

/** Tokens with resource permissions see and change only their part of the registry. */
class RegistryScopeTest {
  private Javalin app;
  private ApiTestClient client;
  private ApiDependencies deps;

  @BeforeEach
  void start() {
    deps =
        ApiDependencies.inMemory(ApiConfig.fromEnv(Map.of(ApiConfig.PORT, "0")), Clock.systemUTC());
    app = ApiServer.create(deps).start("127.0.0.1", 0);
    client = new ApiTestClient(app.port());
    String admin = token(Role.ADMIN);
    client.post("/api/v1/rooms", admin, "{\"name\":\"kitchen\"}");
    client.post("/api/v1/rooms", admin, "{\"name\":\"office\"}");
    client.post(
        "/api/v1/sensors",
        admin,
        "{\"sensor_id\":\"k1\",\"room\":\"kitchen\",\"sensor_type\":\"co2\"}");
    client.post(
        "/api/v1/sensors",
        admin,
        "{\"sensor_id\":\"o1\",\"room\":\"office\",\"sensor_type\":\"co2\"}");
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void shouldListAndShowOnlyPermittedRoomsAndTheirSensors() {
    String scoped = token(Role.VIEWER, "room:kitchen");

    assertThat(client.get("/api/v1/rooms", scoped).json().findValuesAsText("name"))
        .containsExactly("kitchen");
    assertThat(client.get("/api/v1/sensors", scoped).json().findValuesAsText("sensor_id"))
        .containsExactly("k1");
    assertThat(client.get("/api/v1/rooms/kitchen", scoped).status()).isEqualTo(200);
    assertThat(client.get("/api/v1/rooms/office", scoped).status()).isEqualTo(403);
    assertThat(client.get("/api/v1/sensors/o1", scoped).status()).isEqualTo(403);
  }

  @Test
  void shouldLetAScopedOperatorUpdateOnlyItsSensorsAndNotMoveThemOutOfScope() {
    String scoped = token(Role.OPERATOR, "sensor:k1");

    assertThat(
            client
                .put(
                    "/api/v1/sensors/k1",
                    scoped,
                    "{\"room\":\"kitchen\",\"sensor_type\":\"multi\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            client
                .put(
                    "/api/v1/sensors/o1", scoped, "{\"room\":\"office\",\"sensor_type\":\"multi\"}")
                .status())
        .isEqualTo(403);
    assertThat(
            client
                .put(
                    "/api/v1/sensors/k1", scoped, "{\"room\":\"office\",\"sensor_type\":\"multi\"}")
                .status())
        .isEqualTo(403);
  }

  @Test
  void shouldShowEverythingToUnscopedTokens() {
    assertThat(client.get("/api/v1/rooms", token(Role.VIEWER)).json().findValuesAsText("name"))
        .containsExactly("kitchen", "office");
  }

  private String token(Role role, String... permissions) {
    return deps.jwt().issue("t", role, List.of(permissions), Duration.ofHours(1)).token();
  }
}
