package io.voltstream.api.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiInstances;
import io.voltstream.api.ApiTestClient;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Topics;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Registry CRUD on a real Kafka broker: the compacted {@code registry} topic is the source of
 * truth.
 */
class RegistryITCase {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension(1);
  @TempDir static Path dataDir;

  private static ApiApp.Running api;
  private static ApiApp.Running second;
  private static ApiTestClient client;
  private static String admin;
  private static String operator;

  @BeforeAll
  static void start() {
    Map<String, String> env = ApiInstances.env(KAFKA.bootstrapServers(), dataDir, Map.of());
    api = ApiInstances.start(env);
    second = ApiInstances.start(env);
    client = new ApiTestClient(api.port());
    admin = ApiInstances.adminToken(api);
    operator =
        client
            .post("/api/v1/tokens/generate", admin, "{\"name\":\"op\",\"role\":\"operator\"}")
            .json()
            .get("token")
            .asText();
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.close();
    }
    if (api != null) {
      api.close();
    }
  }

  @Test
  void shouldCreateReadUpdateAndDeleteThroughTheRegistryTopic() {
    assertThat(
            client
                .post(
                    "/api/v1/buildings", admin, "{\"id\":\"hq\",\"name\":\"HQ\",\"latitude\":52.1}")
                .status())
        .isEqualTo(201);
    assertThat(
            client
                .post(
                    "/api/v1/rooms",
                    admin,
                    "{\"name\":\"crud-lab\",\"building\":\"hq\",\"area_m2\":30}")
                .status())
        .isEqualTo(201);
    var created =
        client.post(
            "/api/v1/sensors",
            admin,
            "{\"sensor_id\":\"crud-s1\",\"room\":\"crud-lab\",\"sensor_type\":\"co2\",\"name\":\"CO2"
                + " lab\",\"dr_enabled\":false}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("building").asText()).isEqualTo("hq");

    var updated =
        client.put(
            "/api/v1/sensors/crud-s1",
            operator,
            "{\"room\":\"crud-lab\",\"sensor_type\":\"multi\",\"dr_enabled\":true}");
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    JsonNode got = client.get("/api/v1/sensors/crud-s1", operator).json();
    assertThat(got.get("sensor_type").asText()).isEqualTo("multi");
    assertThat(got.get("dr_enabled").asBoolean()).isTrue();
    assertThat(client.get("/api/v1/rooms/crud-lab", operator).json().get("sensor_count").asInt())
        .isEqualTo(1);

    assertThat(client.delete("/api/v1/sensors/crud-s1", admin).status()).isEqualTo(204);
    assertThat(client.get("/api/v1/sensors/crud-s1", admin).status()).isEqualTo(404);
    assertThat(client.delete("/api/v1/rooms/crud-lab", admin).status()).isEqualTo(204);

    List<ConsumerRecord<String, String>> log =
        KAFKA.consume(Topics.REGISTRY.name(), 100, Duration.ofSeconds(2));
    assertThat(log)
        .anySatisfy(
            r -> {
              assertThat(r.key()).isEqualTo("sensor:crud-s1");
              assertThat(r.value()).contains("\"sensor_type\":\"multi\"");
            });
    assertThat(log)
        .anySatisfy(
            r -> {
              assertThat(r.key()).isEqualTo("sensor:crud-s1");
              assertThat(r.value()).isNull();
            });
  }

  @Test
  void shouldSeeEachWriteInTheVeryNextRead() {
    for (int i = 0; i < 20; i++) {
      String name = "ryw-" + i;
      assertThat(client.post("/api/v1/rooms", admin, "{\"name\":\"" + name + "\"}").status())
          .isEqualTo(201);
      assertThat(client.get("/api/v1/rooms/" + name, admin).status()).isEqualTo(200);
      assertThat(
              client.put("/api/v1/rooms/" + name, admin, "{\"area_m2\":" + (i + 1) + "}").status())
          .isEqualTo(200);
      assertThat(client.get("/api/v1/rooms/" + name, admin).json().get("area_m2").asDouble())
          .isEqualTo(i + 1);
      assertThat(client.delete("/api/v1/rooms/" + name, admin).status()).isEqualTo(204);
      assertThat(client.get("/api/v1/rooms/" + name, admin).status()).isEqualTo(404);
    }
  }

  @Test
  void shouldCreateARoomExactlyOnceUnderConcurrentRequests() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(
            pool.submit(
                () -> client.post("/api/v1/rooms", admin, "{\"name\":\"contended\"}").status()));
      }
      List<Integer> statuses = new java.util.ArrayList<>();
      for (var a : answers) {
        statuses.add(a.get(30, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertThat(statuses).containsOnly(201, 409).filteredOn(st -> st == 201).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldShowWritesOfOneInstanceOnAnother() {
    ApiTestClient other = new ApiTestClient(second.port());
    assertThat(client.post("/api/v1/rooms", admin, "{\"name\":\"shared-room\"}").status())
        .isEqualTo(201);

    int status =
        await(
            () -> other.get("/api/v1/rooms/shared-room", admin).status(),
            s -> s == 200,
            Duration.ofSeconds(5));

    assertThat(status).isEqualTo(200);
  }

  @Test
  void shouldPickUpRegistryRecordsWrittenByOtherProducers() throws Exception {
    try (var producer = KAFKA.producer()) {
      producer
          .send(new ProducerRecord<>(Topics.REGISTRY.name(), "room:garbage", "{not json"))
          .get();
      producer.send(new ProducerRecord<>(Topics.REGISTRY.name(), "unknown:kind", "{}")).get();
      producer
          .send(
              new ProducerRecord<>(
                  Topics.REGISTRY.name(),
                  RegistryKey.building("demo").encode(),
                  Json.MAPPER.writeValueAsString(
                      new Building("demo", "Demo building", null, null, null))))
          .get();
    }

    int status =
        await(
            () -> client.get("/api/v1/buildings/demo", admin).status(),
            s -> s == 200,
            Duration.ofSeconds(5));

    assertThat(status).isEqualTo(200);
    assertThat(client.get("/api/v1/rooms/garbage", admin).status()).isEqualTo(404);
    assertThat(client.get("/health", null).status()).isIn(200, 503); // still serving
  }

  @Test
  void shouldAnswerConflictsAndUnknownReferences() {
    assertThat(client.post("/api/v1/rooms", admin, "{\"name\":\"dup-room\"}").status())
        .isEqualTo(201);
    assertThat(client.post("/api/v1/rooms", admin, "{\"name\":\"dup-room\"}").status())
        .isEqualTo(409);
    assertThat(
            client
                .post(
                    "/api/v1/sensors",
                    admin,
                    "{\"sensor_id\":\"dup-s\",\"room\":\"dup-room\",\"sensor_type\":\"energy\"}")
                .status())
        .isEqualTo(201);
    assertThat(
            client
                .post(
                    "/api/v1/sensors",
                    admin,
                    "{\"sensor_id\":\"dup-s\",\"room\":\"dup-room\",\"sensor_type\":\"energy\"}")
                .status())
        .isEqualTo(409);

    var orphan =
        client.post(
            "/api/v1/sensors",
            admin,
            "{\"sensor_id\":\"lost\",\"room\":\"no-such-room\",\"sensor_type\":\"co2\"}");
    assertThat(orphan.status()).isEqualTo(422);
    assertThat(orphan.json().get("errors").get(0).get("field").asText()).isEqualTo("room");
    var badBuilding =
        client.post("/api/v1/rooms", admin, "{\"name\":\"r-x\",\"building\":\"atlantis\"}");
    assertThat(badBuilding.status()).isEqualTo(422);
    assertThat(badBuilding.json().get("errors").get(0).get("field").asText()).isEqualTo("building");
    var badType =
        client.post(
            "/api/v1/sensors",
            admin,
            "{\"sensor_id\":\"t1\",\"room\":\"dup-room\",\"sensor_type\":\"plasma\"}");
    assertThat(badType.status()).isEqualTo(400);
    assertThat(badType.json().get("errors").get(0).get("field").asText()).isEqualTo("sensor_type");

    assertThat(client.delete("/api/v1/rooms/dup-room", admin).status()).isEqualTo(409);
    assertThat(client.get("/api/v1/sensors/dup-s", admin).status()).isEqualTo(200);
    assertThat(client.delete("/api/v1/rooms/dup-room?force=true", admin).status()).isEqualTo(204);
    assertThat(client.get("/api/v1/sensors/dup-s", admin).status()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x' OR '1'='1",
        "../../etc/passwd",
        "<script>alert(1)</script>",
        "room\"; DROP MEASUREMENT readings",
        "a b",
        "tab\there",
        "kitchen\\nroom",
        "..",
        "%2e%2e"
      })
  void shouldRejectInjectionishNamesInBodiesAndPaths(String name) throws Exception {
    var body =
        client.post(
            "/api/v1/rooms", admin, "{\"name\":" + Json.MAPPER.writeValueAsString(name) + "}");
    assertThat(body.status()).as(body.body()).isEqualTo(400);
    assertThat(body.json().get("errors").get(0).get("field").asText()).isEqualTo("name");

    var path =
        client.get(
            "/api/v1/rooms/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"),
            admin);
    assertThat(path.status()).as(path.body()).isIn(400, 404);
    assertThat(client.get("/api/v1/rooms", admin).body()).doesNotContain(name);
  }

  private static <T> T await(Supplier<T> probe, Predicate<T> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = probe.get();
    while (!done.test(last) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      last = probe.get();
    }
    return last;
  }
}
