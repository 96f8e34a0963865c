package io.voltstream.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.auth.Role;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Series;
import io.voltstream.model.Room;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The query routes through the real router and access check, with a recording fake in place of
 * InfluxDB: validation answers 400/422 naming the field before any query is sent.
 */
class QueryRoutesTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  private final List<String> sentQueries = new CopyOnWriteArrayList<>();
  private Javalin app;
  private ApiServer server;
  private ApiTestClient client;
  private String viewer;
  private String kitchenOnly;

  @BeforeEach
  void start() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ApiDependencies deps =
        ApiDependencies.inMemory(ApiConfig.fromEnv(Map.of(ApiConfig.PORT, "0")), clock);
    deps.registry().createRoom(new Room("kitchen", null, 12.0));
    server =
        new ApiServer(
            deps.withQueryConfig(
                    QueryConfig.defaults().withCacheTtl(Duration.ZERO).withMaxPoints(10_000))
                .withInflux(this::fakeInflux));
    app = server.app().start("127.0.0.1", 0);
    client = new ApiTestClient(app.port());
    viewer = deps.jwt().issue("v", Role.VIEWER, List.of(), Duration.ofHours(1)).token();
    kitchenOnly =
        deps.jwt().issue("k", Role.VIEWER, List.of("room:kitchen"), Duration.ofHours(1)).token();
  }

  @AfterEach
  void stop() {
    app.stop();
    server.close();
  }

  private List<Series> fakeInflux(InfluxQuery q) {
    sentQueries.add(q.render());
    boolean knownData =
        q.render().contains("FROM \"room_metrics\" WHERE \"room\" = 'kitchen'")
            || q.render().contains("FROM \"room_metrics\" WHERE \"room\" = 'payload-room'");
    if (knownData && q.render().contains("GROUP BY time")) {
      return List.of(
          new Series(
              "room_metrics",
              Map.of(),
              List.of(
                  "time",
                  "energy_kwh",
                  "power_w",
                  "power_max_w",
                  "co2_ppm",
                  "temperature_c",
                  "humidity_percent",
                  "generation_kwh",
                  "sample_count"),
              List.of(
                  List.of(
                      NOW.minusSeconds(120).toEpochMilli(),
                      0.01,
                      600.0,
                      900.0,
                      650.0,
                      21.5,
                      40.0,
                      0.0,
                      4),
                  List.of(
                      NOW.minusSeconds(60).toEpochMilli(),
                      0.02,
                      700.0,
                      950.0,
                      660.0,
                      21.6,
                      41.0,
                      0.0,
                      4))));
    }
    return List.of();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kitchen\" OR 1=1",
        "kitchen' OR '1'='1",
        "'; DROP DATABASE voltstream",
        "kitchen\uff07",
        "kit\u202echen",
        "kitchen\\"
      })
  void shouldAnswer400ToInjectionInTheRoomNameWithoutQueryingInflux(String hostile) {
    ApiTestClient.Response r = client.get("/api/v1/rooms/" + enc(hostile) + "/data", viewer);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("errors").path(0).path("field").asText()).isEqualTo("name");
    assertThat(sentQueries).isEmpty();
  }

  @Test
  void shouldAnswer400ToInjectionInExportAndEventFilters() {
    assertThat(client.get("/api/v1/export?room=" + enc("a' OR 1=1 --"), viewer).status())
        .isEqualTo(400);
    assertThat(client.get("/api/v1/events?kind=" + enc("x'; DROP"), viewer).status())
        .isEqualTo(400);
    assertThat(client.get("/api/v1/events?severity=" + enc("warning' OR '1'='1"), viewer).status())
        .isEqualTo(400);
    assertThat(sentQueries).isEmpty();
  }

  @Test
  void shouldServeRoomDataWithCurrentValuesAndTotals() {
    ApiTestClient.Response r = client.get("/api/v1/rooms/kitchen/data", viewer);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.path("room").asText()).isEqualTo("kitchen");
    assertThat(body.path("registered").asBoolean()).isTrue();
    assertThat(body.path("resolution").asText()).isEqualTo("1m");
    assertThat(body.path("series")).hasSize(2);
    assertThat(body.path("series").path(1).path("power_w").asDouble()).isEqualTo(700.0);
    assertThat(body.path("totals").path("energy_kwh").asDouble())
        .isEqualTo(0.03, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(body.path("current").has("flexibility_kw")).isTrue();
    assertThat(body.path("current").path("cost").isNull()).isTrue();
    assertThat(sentQueries)
        .allMatch(
            q -> q.contains("time >= '2026-11-27T09:00:00Z' AND time < '2026-11-27T10:00:00Z'"));
  }

  @Test
  void shouldServeRoomDataGzippedOnceWhenTheClientAcceptsIt() throws Exception {
    java.net.http.HttpResponse<byte[]> r =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://127.0.0.1:" + app.port() + "/api/v1/rooms/kitchen/data"))
                    .header("Authorization", "Bearer " + viewer)
                    .header("Accept-Encoding", "gzip")
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
    try (java.util.zip.GZIPInputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body()))) {
      JsonNode body = io.voltstream.model.Json.MAPPER.readTree(in);
      assertThat(body.path("series")).hasSize(2);
    }
  }

  @Test
  void shouldServeARoomThatOnlyDevicesNamedAsUnregistered() {
    ApiTestClient.Response r = client.get("/api/v1/rooms/payload-room/data", viewer);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("registered").asBoolean()).isFalse();
    assertThat(r.json().path("series")).hasSize(2);
  }

  @Test
  void shouldAnswer404ForARoomThatIsNeitherRegisteredNorHasData() {
    assertThat(client.get("/api/v1/rooms/attic/data", viewer).status()).isEqualTo(404);
  }

  @Test
  void shouldAnswer400ForAResolutionOutsideTheAllowedSetAnd422ForTooManyPoints() {
    ApiTestClient.Response bad = client.get("/api/v1/rooms/kitchen/data?resolution=7s", viewer);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").path(0).path("field").asText()).isEqualTo("resolution");
    ApiTestClient.Response tooMany =
        client.get(
            "/api/v1/rooms/kitchen/data?start_time=2026-10-28T10:00:00Z&end_time=2026-11-27T10:00:00Z&resolution=1m",
            viewer);
    assertThat(tooMany.status()).isEqualTo(422);
  }

  @Test
  void shouldForbidScopedTokensOtherRooms() {
    assertThat(client.get("/api/v1/rooms/kitchen/data", kitchenOnly).status()).isEqualTo(200);
    assertThat(client.get("/api/v1/rooms/office/data", kitchenOnly).status()).isEqualTo(403);
  }

  @Test
  void shouldValidateDataQueriesNamingEachField() {
    ApiTestClient.Response r =
        client.post(
            "/api/v1/data/query",
            viewer,
            "{\"metrics\":[\"power_w\",\"secret\"],\"rooms\":[\"kitchen\\\" OR"
                + " 1=1\"],\"aggregate\":\"median\","
                + "\"resolution\":\"2m\",\"start_time\":\"soon\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    List<String> fields = r.json().path("errors").findValuesAsText("field");
    assertThat(fields).contains("metrics[1]", "rooms[0]", "aggregate", "resolution", "start_time");
    assertThat(sentQueries).isEmpty();
  }

  @Test
  void shouldAnswer422WhenADataQueryWouldReturnTooManyPoints() {
    ApiTestClient.Response r =
        client.post(
            "/api/v1/data/query",
            viewer,
            "{\"metrics\":[\"power_w\"],\"rooms\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\",\"l\",\"m\",\"n\",\"o\",\"p\",\"q\",\"r\",\"s\",\"t\"],"
                + "\"start_time\":\"2026-10-28T10:00:00Z\",\"end_time\":\"2026-11-27T10:00:00Z\",\"resolution\":\"5m\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(422);
  }

  @Test
  void shouldBuildADataQueryFromValidatedParts() {
    ApiTestClient.Response r =
        client.post(
            "/api/v1/data/query",
            viewer,
            "{\"metrics\":[\"power_w\",\"co2_ppm\"],\"rooms\":[\"kitchen\",\"office\"],\"aggregate\":\"max\",\"resolution\":\"15m\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(sentQueries)
        .singleElement()
        .asString()
        .contains(
            "SELECT max(\"power_w\") AS \"power_w\", max(\"co2_ppm\") AS \"co2_ppm\" FROM"
                + " \"readings\"")
        .contains("(\"room\" = 'kitchen' OR \"room\" = 'office')")
        .contains("GROUP BY time(900s), \"room\" fill(none)");
  }
}
