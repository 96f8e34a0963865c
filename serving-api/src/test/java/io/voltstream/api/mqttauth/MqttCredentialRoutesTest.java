package io.voltstream.api.mqttauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.auth.Role;
import io.voltstream.model.Building;
import io.voltstream.model.Room;
import io.voltstream.model.Sensor;
import io.voltstream.model.SensorType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Without a configured broker admin the credential routes exist, check roles and answer 503. */
class MqttCredentialRoutesTest {
  private Javalin app;
  private ApiTestClient client;
  private String admin;

  @BeforeEach
  void start() {
    ApiDependencies deps =
        ApiDependencies.inMemory(ApiConfig.fromEnv(Map.of(ApiConfig.PORT, "0")), Clock.systemUTC());
    deps.registry().createBuilding(new Building("hq", "HQ", null, null, null));
    deps.registry().createRoom(new Room("kitchen", "hq", 20.0));
    deps.registry().createSensor(new Sensor("k1", "kitchen", SensorType.POWER, null, null));
    app = ApiServer.create(deps).start("127.0.0.1", 0);
    client = new ApiTestClient(app.port());
    admin = deps.jwt().issue("alice", Role.ADMIN, List.of(), Duration.ofHours(1)).token();
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void answers503NamingTheSettingWhenNoBrokerAdminIsConfigured() {
    ApiTestClient.Response r = client.post("/api/v1/sensors/k1/mqtt-credentials", admin, "");
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().path("detail").asText()).contains("VOLTSTREAM_MQTT_ADMIN_PASSWORD");
  }

  @Test
  void everyCredentialRouteIsAdminOnly() {
    for (String path :
        List.of(
            "/api/v1/sensors/k1/mqtt-credentials",
            "/api/v1/batteries/b1/mqtt-credentials",
            "/api/v1/iot/devices/d1/mqtt-credentials")) {
      assertThat(client.post(path, null, "").status()).isEqualTo(401);
      assertThat(client.delete(path, null).status()).isEqualTo(401);
    }
  }
}
