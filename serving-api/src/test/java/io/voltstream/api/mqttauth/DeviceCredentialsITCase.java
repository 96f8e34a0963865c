package io.voltstream.api.mqttauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.javalin.Javalin;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.auth.Role;
import io.voltstream.api.mqttauth.MqttAdminOptions.MqttAdmin;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.device.ControlCapability;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.device.DeviceType;
import io.voltstream.energy.device.FlexibilityKind;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.MosquittoExtension;
import io.voltstream.model.Building;
import io.voltstream.model.Room;
import io.voltstream.model.Sensor;
import io.voltstream.model.SensorType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Device authentication end to end with a real mosquitto (dynamic security plugin): the API issues
 * a device's login (shown once), the device publishes to its own topic and the ingest service
 * account receives it; the broker answers MQTT 5 PUBACK 0x87 (Not authorized) to a publish on
 * another device's topic and SUBACK 0x87 to a subscription to another device's command topic; a
 * wrong password, an anonymous client, a rotated and a revoked password are refused at connect.
 */
class DeviceCredentialsITCase {
  @RegisterExtension static final MosquittoExtension MQTT = MosquittoExtension.withDeviceAuth();

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String INGEST_PASSWORD = UUID.randomUUID().toString();

  private static DynsecAccounts accounts;
  private static ApiDependencies deps;
  private static ApiServer server;
  private static Javalin app;
  private static ApiTestClient api;
  private static String admin;
  private static String viewer;
  private static Mqtt5BlockingClient ingest;
  private static final List<Mqtt5Publish> ingested = new CopyOnWriteArrayList<>();

  private final List<Mqtt5BlockingClient> devices = new ArrayList<>();

  @BeforeAll
  static void start() {
    accounts =
        DynsecAccounts.connect(
            MQTT.host(),
            MQTT.port(),
            new MqttAdmin(MQTT.auth().adminUsername(), MQTT.auth().adminPassword()),
            WAIT);
    deps =
        ApiDependencies.inMemory(ApiConfig.fromEnv(Map.of(ApiConfig.PORT, "0")), Clock.systemUTC())
            .withMqttAccounts(accounts);
    deps.registry().createBuilding(new Building("hq", "HQ", null, null, null));
    deps.registry().createRoom(new Room("kitchen", "hq", 20.0));
    deps.registry().createSensor(new Sensor("s1", "kitchen", SensorType.POWER, null, null));
    deps.registry().createSensor(new Sensor("s2", "kitchen", SensorType.POWER, null, null));
    deps.registry().createSensor(new Sensor("s3", "kitchen", SensorType.POWER, null, null));
    deps.registry().createBattery(new BatterySpec("b1", "hq", 10, 5000, 4000, 0.9, 5, 95, 10));
    deps.registry().createBattery(new BatterySpec("b2", "hq", 10, 5000, 4000, 0.9, 5, 95, 10));
    deps.registry().createBattery(new BatterySpec("s1", "hq", 10, 5000, 4000, 0.9, 5, 95, 10));
    deps.registry()
        .createDevice(
            new DeviceSpec(
                "fan",
                "hq",
                "kitchen",
                null,
                DeviceType.VENTILATION,
                60,
                true,
                false,
                FlexibilityKind.NONE,
                Set.of(ControlCapability.ON_OFF),
                "fan-meter",
                null,
                null,
                null));
    server = new ApiServer(deps);
    app = server.app().start("127.0.0.1", 0);
    api = new ApiTestClient(app.port());
    admin = deps.jwt().issue("alice", Role.ADMIN, List.of(), Duration.ofHours(1)).token();
    viewer = deps.jwt().issue("victor", Role.VIEWER, List.of(), Duration.ofHours(1)).token();

    // as ApiApp does with VOLTSTREAM_MQTT_INGEST_PASSWORD_FILE
    try (ServiceAccountBootstrap bootstrap =
        ServiceAccountBootstrap.start(
            new DeviceCredentials(accounts, Clock.systemUTC()),
            MqttGrants.INGEST_ACCOUNT,
            MqttGrants.ingest(),
            INGEST_PASSWORD,
            Duration.ofMillis(200))) {
      assertThat(
              Waits.until(
                  () ->
                      refusal(MqttGrants.INGEST_ACCOUNT, INGEST_PASSWORD)
                          == Mqtt5ConnAckReasonCode.SUCCESS,
                  WAIT))
          .isTrue();
    }
    ingest = connect(MqttGrants.INGEST_ACCOUNT, INGEST_PASSWORD);
    ingest.toAsync().publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL, ingested::add);
    for (String filter :
        List.of("$share/ingest/sensors/+/readings", "batteries/+/state", "devices/+/acks")) {
      assertThat(subscribe(ingest, filter)).isEqualTo(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
    }
  }

  @AfterAll
  static void stop() {
    disconnectQuietly(ingest);
    if (app != null) {
      app.stop();
    }
    if (server != null) {
      server.close();
    }
    if (accounts != null) {
      accounts.close();
    }
  }

  @AfterEach
  void disconnectDevices() {
    devices.forEach(DeviceCredentialsITCase::disconnectQuietly);
  }

  @Test
  void aSensorPublishesToItsOwnTopicAndIsRefusedOnAnotherSensorsTopic() {
    ApiTestClient.Response issued = api.post("/api/v1/sensors/s3/mqtt-credentials", admin, "");
    assertThat(issued.status()).isEqualTo(201);
    assertThat(issued.headers().firstValue("Cache-Control")).contains("no-store");
    JsonNode login = issued.json();
    assertThat(login.path("username").asText()).isEqualTo("s3");
    assertThat(login.path("password").asText()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(login.path("rotated").asBoolean()).isFalse();
    Mqtt5BlockingClient s3 = device("s3", login.path("password").asText());

    assertThat(publish(s3, "sensors/s3/readings", "own-1"))
        .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
    assertThat(publish(s3, "sensors/s2/readings", "forged"))
        .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
    assertThat(publish(s3, "batteries/b1/state", "forged"))
        .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
    assertThat(publish(s3, "batteries/b1/commands", "forged"))
        .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
    // positive control after the refused ones: once it arrived, anything earlier would have too
    assertThat(publish(s3, "sensors/s3/readings", "own-2"))
        .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
    assertThat(Waits.until(() -> payloads().contains("own-2"), WAIT)).isTrue();
    assertThat(payloads()).contains("own-1").doesNotContain("forged");
  }

  @Test
  void aBatteryReadsOnlyItsOwnCommands() {
    String password =
        api.post("/api/v1/batteries/b1/mqtt-credentials", admin, "")
            .json()
            .path("password")
            .asText();
    Mqtt5BlockingClient b1 = device("b1", password);
    List<String> received = new CopyOnWriteArrayList<>();
    b1.toAsync()
        .publishes(
            com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL,
            p -> received.add(p.getTopic() + "=" + text(p)));

    assertThat(subscribe(b1, "batteries/b1/commands"))
        .isEqualTo(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
    assertThat(subscribe(b1, "batteries/b2/commands"))
        .isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
    assertThat(subscribe(b1, "batteries/+/commands"))
        .isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
    assertThat(subscribe(b1, "#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);

    // the command bridge's account reaches it; its own state reaches ingest
    publish(ingest, "batteries/b2/commands", "for-b2");
    assertThat(publish(ingest, "batteries/b1/commands", "for-b1"))
        .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
    assertThat(publish(b1, "batteries/b1/state", "b1-state"))
        .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
    assertThat(Waits.until(() -> received.contains("batteries/b1/commands=for-b1"), WAIT)).isTrue();
    assertThat(received).containsExactly("batteries/b1/commands=for-b1");
    assertThat(Waits.until(() -> payloads().contains("b1-state"), WAIT)).isTrue();
  }

  @Test
  void wrongPasswordsAndAnonymousClientsAreRefusedAtConnect() {
    api.post("/api/v1/sensors/s2/mqtt-credentials", admin, "");
    assertThat(refusal("s2", "not-the-password")).isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
    assertThat(refusal("nobody", "x")).isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
    Mqtt5BlockingClient anonymous =
        Mqtt5Client.builder().serverHost(MQTT.host()).serverPort(MQTT.port()).buildBlocking();
    assertThatThrownBy(anonymous::connect)
        .isInstanceOfSatisfying(
            Mqtt5ConnAckException.class,
            e ->
                assertThat(e.getMqttMessage().getReasonCode())
                    .isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED));
  }

  @Test
  void aRotatedPasswordStopsWorkingAndARevokedLoginIsClosedAndRefused() {
    JsonNode first = api.post("/api/v1/iot/devices/fan/mqtt-credentials", admin, "").json();
    assertThat(first.path("publish").toString()).contains("sensors/fan-meter/readings");
    String oldPassword = first.path("password").asText();
    Mqtt5BlockingClient fan = device("fan", oldPassword);
    assertThat(publish(fan, "sensors/fan-meter/readings", "fan-1"))
        .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);

    JsonNode second = api.post("/api/v1/iot/devices/fan/mqtt-credentials", admin, "").json();
    assertThat(second.path("rotated").asBoolean()).isTrue();
    String newPassword = second.path("password").asText();
    assertThat(newPassword).isNotEqualTo(oldPassword);
    assertThat(Waits.until(() -> !fan.getState().isConnected(), WAIT)).isTrue();
    assertThat(refusal("fan", oldPassword)).isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
    Mqtt5BlockingClient rotated = device("fan", newPassword);
    assertThat(publish(rotated, "devices/fan/acks", "ack"))
        .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);

    assertThat(api.delete("/api/v1/iot/devices/fan/mqtt-credentials", admin).status())
        .isEqualTo(204);
    assertThat(Waits.until(() -> !rotated.getState().isConnected(), WAIT)).isTrue();
    assertThat(refusal("fan", newPassword)).isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
    assertThat(api.delete("/api/v1/iot/devices/fan/mqtt-credentials", admin).status())
        .isEqualTo(404);
  }

  @Test
  void onlyAdminsIssueAndOnlyForRegisteredDevicesOfTheRightKind() {
    assertThat(api.post("/api/v1/sensors/s2/mqtt-credentials", viewer, "").status()).isEqualTo(403);
    assertThat(api.post("/api/v1/sensors/s2/mqtt-credentials", null, "").status()).isEqualTo(401);
    ApiTestClient.Response unknown = api.post("/api/v1/sensors/ghost/mqtt-credentials", admin, "");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    ApiTestClient.Response bad = api.post("/api/v1/batteries/b%20d/mqtt-credentials", admin, "");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").toString()).contains("\"id\"");
    // battery 's1' may not take over sensor s1's login (the ingest account is protected the same
    // way)
    api.post("/api/v1/sensors/s1/mqtt-credentials", admin, "");
    ApiTestClient.Response clash = api.post("/api/v1/batteries/s1/mqtt-credentials", admin, "");
    assertThat(clash.status()).isEqualTo(409);
    assertThat(clash.body()).doesNotContain("password\":\"");
  }

  private Mqtt5BlockingClient device(String username, String password) {
    Mqtt5BlockingClient client = connect(username, password);
    devices.add(client);
    return client;
  }

  private static Mqtt5BlockingClient connect(String username, String password) {
    Mqtt5BlockingClient client = client(username, password);
    client.connect();
    return client;
  }

  private static Mqtt5BlockingClient client(String username, String password) {
    return Mqtt5Client.builder()
        .identifier(username + "-" + UUID.randomUUID().toString().substring(0, 6))
        .serverHost(MQTT.host())
        .serverPort(MQTT.port())
        .simpleAuth()
        .username(username)
        .password(password.getBytes(StandardCharsets.UTF_8))
        .applySimpleAuth()
        .buildBlocking();
  }

  private static Mqtt5ConnAckReasonCode refusal(String username, String password) {
    try {
      Mqtt5BlockingClient client = client(username, password);
      client.connect();
      client.disconnect();
      return Mqtt5ConnAckReasonCode.SUCCESS;
    } catch (Mqtt5ConnAckException e) {
      return e.getMqttMessage().getReasonCode();
    }
  }

  /** The PUBACK reason code of a QoS 1 publish (MQTT 5 reports a refusal there). */
  private static Mqtt5PubAckReasonCode publish(
      Mqtt5BlockingClient client, String topic, String payload) {
    try {
      Mqtt5PublishResult result =
          client
              .toAsync()
              .publishWith()
              .topic(topic)
              .qos(MqttQos.AT_LEAST_ONCE)
              .payload(payload.getBytes(StandardCharsets.UTF_8))
              .send()
              .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (result.getError().orElse(null) instanceof Mqtt5PubAckException refused) {
        return refused.getMqttMessage().getReasonCode();
      }
      return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Mqtt5PubAckException refused) {
        return refused.getMqttMessage().getReasonCode();
      }
      throw new AssertionError(e);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Mqtt5SubAckReasonCode subscribe(Mqtt5BlockingClient client, String filter) {
    try {
      return client
          .toAsync()
          .subscribeWith()
          .topicFilter(filter)
          .qos(MqttQos.AT_LEAST_ONCE)
          .send()
          .get(WAIT.toMillis(), TimeUnit.MILLISECONDS)
          .getReasonCodes()
          .get(0);
    } catch (ExecutionException e) {
      if (e.getCause()
          instanceof com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException refused) {
        return refused.getMqttMessage().getReasonCodes().get(0);
      }
      throw new AssertionError(e);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> payloads() {
    return ingested.stream().map(DeviceCredentialsITCase::text).toList();
  }

  private static String text(Mqtt5Publish p) {
    return new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8);
  }

  private static void disconnectQuietly(Mqtt5BlockingClient client) {
    if (client != null && client.getState().isConnected()) {
      try {
        client.disconnect();
      } catch (RuntimeException e) {
        // already gone
      }
    }
  }
}
