package io.voltstream.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.auth.Role;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.influx.InfluxClient;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.model.Json;
import io.voltstream.model.Room;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Room data, summary, data queries, events and export against a real influxd. */
class QueryEndpointsITCase {

  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  private static final int EXPORT_PAGE_ROWS = 1000;

  private final Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
  private String db;
  private Javalin app;
  private ApiServer server;
  private ApiTestClient client;
  private String viewer;

  @BeforeEach
  void start() {
    db = INFLUX.freshDatabase();
    ApiConfig config =
        ApiConfig.fromEnv(
            Map.of(
                ApiConfig.PORT,
                "0",
                ApiConfig.INFLUX_URL,
                INFLUX.url(),
                ApiConfig.INFLUX_DB,
                db,
                ApiConfig.RATE_LIMIT_RPS,
                "0"));
    ApiDependencies deps = ApiDependencies.inMemory(config, Clock.systemUTC());
    deps.registry().createRoom(new Room("kitchen", null, 12.0));
    deps.registry().createRoom(new Room("office", null, 20.0));
    InfluxReader influx = new InfluxClient(URI.create(INFLUX.url()), db)::query;
    server =
        new ApiServer(
            deps.withQueryConfig(QueryConfig.defaults().withExportPageSize(EXPORT_PAGE_ROWS))
                .withInflux(influx));
    app = server.app().start("127.0.0.1", 0);
    client = new ApiTestClient(app.port());
    viewer = deps.jwt().issue("v", Role.VIEWER, List.of(), Duration.ofHours(1)).token();
  }

  @AfterEach
  void stop() {
    app.stop();
    server.close();
  }

  /**
   * 60 one-minute windows for kitchen ending at the current minute: energy 0.01 kWh and power 600+i
   * W each.
   */
  private void writeKitchenWindows() {
    StringBuilder lp = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      Instant t = minute.minus(60 - i, ChronoUnit.MINUTES);
      lp.append("room_metrics,room=kitchen,building=default energy_kwh=0.01,power_avg_w=")
          .append(600 + i)
          .append(",power_max_w=")
          .append(900 + i)
          .append(",co2_avg_ppm=650,temperature_avg_c=21.5,")
          .append("humidity_avg_percent=40,generation_kwh=0,sample_count=4i,cost_eur=0.0025 ")
          .append(t.toEpochMilli())
          .append('\n');
    }
    INFLUX.write(db, lp.toString());
  }

  @Test
  void shouldServeARoomsSeriesAtTheRequestedResolutionWithCurrentValues() {
    writeKitchenWindows();
    String range = "start_time=" + minute.minus(60, ChronoUnit.MINUTES) + "&end_time=" + minute;

    JsonNode oneMinute = client.get("/api/v1/rooms/kitchen/data?" + range, viewer).json();
    assertThat(oneMinute.path("series")).hasSize(60);
    assertThat(oneMinute.path("current").path("power_w").asDouble()).isEqualTo(659.0);
    assertThat(oneMinute.path("current").path("time").asText())
        .isEqualTo(minute.minus(1, ChronoUnit.MINUTES).toString());
    assertThat(oneMinute.path("totals").path("energy_kwh").asDouble())
        .isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
    // The room-aggregation job's cost_eur of each window (0.0025 €), summed over the range.
    assertThat(oneMinute.path("totals").path("cost").asDouble())
        .isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(oneMinute.path("current").path("cost").asDouble()).isEqualTo(0.0025);

    JsonNode fifteen =
        client.get("/api/v1/rooms/kitchen/data?resolution=15m&" + range, viewer).json();
    assertThat(fifteen.path("series").size()).isBetween(4, 5);
    double energy = 0;
    for (JsonNode p : fifteen.path("series")) {
      energy += p.path("energy_kwh").asDouble();
    }
    assertThat(energy).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void shouldRejectInjectionAttemptsWith400AndLeaveTheDataIntact() {
    writeKitchenWindows();
    for (String hostile :
        List.of("kitchen\" OR 1=1", "'; DROP DATABASE " + db + "; --", "kitchen\uff07 OR 1=1")) {
      String path =
          "/api/v1/rooms/"
              + URLEncoder.encode(hostile, StandardCharsets.UTF_8).replace("+", "%20")
              + "/data";
      assertThat(client.get(path, viewer).status()).as(hostile).isEqualTo(400);
    }
    assertThat(
            client
                .post(
                    "/api/v1/data/query",
                    viewer,
                    "{\"metrics\":[\"power_w\\\" FROM room_metrics --\"],\"rooms\":[\"kitchen\"]}")
                .status())
        .isEqualTo(400);
    assertThat(
            InfluxExtension.firstValue(
                INFLUX.query(db, "SELECT count(energy_kwh) FROM room_metrics"), 1))
        .isEqualTo(60.0);
  }

  @Test
  void shouldCountSensorsActiveInTheLastFiveMinutes() {
    long now = Instant.now().toEpochMilli();
    INFLUX.write(
        db,
        String.join(
            "\n",
            "readings,sensor_id=k1,room=kitchen,sensor_type=power power_w=100 " + (now - 60_000),
            "readings,sensor_id=k2,room=kitchen,sensor_type=co2 co2_ppm=600 " + (now - 120_000),
            "readings,sensor_id=o1,room=office,sensor_type=power power_w=50 " + (now - 30_000),
            "readings,sensor_id=old,room=office,sensor_type=power power_w=50 " + (now - 600_000)));
    JsonNode summary = client.get("/api/v1/analytics/summary", viewer).json();
    assertThat(summary.path("active_sensors").asInt()).isEqualTo(3);
    assertThat(summary.path("total_rooms").asInt()).isEqualTo(2);
    assertThat(summary.path("websocket_connections").asInt()).isZero();
  }

  @Test
  void shouldAggregateReadingsPerRoomInADataQuery() {
    StringBuilder lp = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      long t = minute.minus(10 - i, ChronoUnit.MINUTES).toEpochMilli();
      lp.append("readings,sensor_id=k1,room=kitchen,sensor_type=power power_w=")
          .append(100 + i)
          .append(' ')
          .append(t)
          .append('\n');
      lp.append("readings,sensor_id=o1,room=office,sensor_type=power power_w=")
          .append(10 + i)
          .append(' ')
          .append(t)
          .append('\n');
    }
    INFLUX.write(db, lp.toString());
    String body =
        "{\"metrics\":[\"power_w\"],\"rooms\":[\"kitchen\",\"office\"],\"aggregate\":\"max\",\"resolution\":\"1h\","
            + "\"start_time\":\""
            + minute.minus(10, ChronoUnit.MINUTES)
            + "\",\"end_time\":\""
            + minute
            + "\"}";
    ApiTestClient.Response r = client.post("/api/v1/data/query", viewer, body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    double kitchenMax = 0;
    double officeMax = 0;
    for (JsonNode s : r.json().path("series")) {
      for (JsonNode p : s.path("points")) {
        if (s.path("key").asText().equals("kitchen")) {
          kitchenMax = Math.max(kitchenMax, p.path("power_w").asDouble());
        } else {
          officeMax = Math.max(officeMax, p.path("power_w").asDouble());
        }
      }
    }
    assertThat(kitchenMax).isEqualTo(109.0);
    assertThat(officeMax).isEqualTo(19.0);
  }

  @Test
  void shouldFilterEventsAndReturnNewestFirst() {
    long now = Instant.now().toEpochMilli();
    INFLUX.write(
        db,
        String.join(
            "\n",
            "events,kind=co2_high,severity=warning,room=kitchen message=\"CO2 1200"
                + " ppm\",value=1200,threshold=1000,event_id=\"e1\" "
                + (now - 60_000),
            "events,kind=co2_high,severity=critical,room=kitchen message=\"CO2 2100"
                + " ppm\",value=2100,threshold=2000,event_id=\"e2\" "
                + (now - 30_000),
            "events,kind=sensor_silent,severity=warning,room=office,sensor_id=o1 message=\"o1"
                + " silent\",event_id=\"e3\" "
                + (now - 20_000)));
    JsonNode kitchen = client.get("/api/v1/events?room=kitchen", viewer).json();
    assertThat(kitchen.path("events").findValuesAsText("event_id")).containsExactly("e2", "e1");
    JsonNode warnings = client.get("/api/v1/events?severity=warning&limit=1", viewer).json();
    assertThat(warnings.path("events").findValuesAsText("event_id")).containsExactly("e3");
    assertThat(warnings.path("events").path(0).path("severity").asText()).isEqualTo("WARNING");
  }

  @Test
  void shouldStreamAnExportLargerThanOnePageAsCsvAndJson() throws Exception {
    int rows = 3 * EXPORT_PAGE_ROWS + 457;
    Instant start = minute.minus(2, ChronoUnit.HOURS);
    StringBuilder lp = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      long t = start.toEpochMilli() + i * 1000L;
      lp.append("readings,sensor_id=s")
          .append(i % 3)
          .append(",room=kitchen,sensor_type=multi power_w=")
          .append(i)
          .append(",energy_kwh=0.001 ")
          .append(t)
          .append('\n');
    }
    INFLUX.write(db, lp.toString());
    String range = "start_time=" + start + "&end_time=" + minute;

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<Stream<String>> csv =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + app.port()
                            + "/api/v1/export?format=csv&room=kitchen&"
                            + range))
                .header("Authorization", "Bearer " + viewer)
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Transfer-Encoding")).contains("chunked");
    List<String> lines = csv.body().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "time,sensor_id,room,sensor_type,energy_kwh,power_w,co2_ppm,temperature_c,"
                + "humidity_percent,voltage_v,generation_kwh");
    assertThat(lines).hasSize(rows + 1);
    assertThat(lines.get(1)).startsWith(start + ",s0,kitchen,multi,0.001,0.0,");

    ApiTestClient.Response json =
        client.get("/api/v1/export?format=json&sensor=s1&" + range, viewer);
    assertThat(json.status()).isEqualTo(200);
    JsonNode arr = Json.MAPPER.readTree(json.body());
    assertThat(arr.size()).isEqualTo((rows + 1) / 3);
    assertThat(arr.path(0).path("sensor_id").asText()).isEqualTo("s1");
  }
}
