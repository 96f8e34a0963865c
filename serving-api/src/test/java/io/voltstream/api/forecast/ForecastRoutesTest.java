package io.voltstream.api.forecast;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The forecast routes through the real router and access check, with a fake in place of InfluxDB.
 */
class ForecastRoutesTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:20:00Z");
  private static final Instant HOUR = Instant.parse("2026-11-27T10:00:00Z");

  private final List<String> sent = new CopyOnWriteArrayList<>();
  private Javalin app;
  private ApiTestClient client;
  private String viewer;

  @BeforeEach
  void start() {
    ApiDependencies deps =
        ApiDependencies.inMemory(
            ApiConfig.fromEnv(Map.of(ApiConfig.PORT, "0")), Clock.fixed(NOW, ZoneOffset.UTC));
    app = ApiServer.create(deps.withInflux(this::fakeInflux)).start("127.0.0.1", 0);
    client = new ApiTestClient(app.port());
    viewer = deps.jwt().issue("v", Role.VIEWER, List.of(), Duration.ofHours(1)).token();
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  private List<Series> fakeInflux(InfluxQuery q) {
    String query = q.render();
    sent.add(query);
    if (!query.contains("'demo'")) {
      return List.of();
    }
    if (query.contains("FROM \"forecasts\"")) {
      var rows = new ArrayList<List<Object>>();
      for (int h = 0; h < 24; h++) {
        long t = HOUR.plus(Duration.ofHours(h)).toEpochMilli();
        // an older fallback run and the current model run at the same hour: the newer one wins
        rows.add(
            java.util.Arrays.asList(
                t,
                9.0,
                null,
                null,
                HOUR.minus(Duration.ofHours(1)).toEpochMilli(),
                "persistence_ensemble",
                "true",
                "model_missing",
                null,
                null,
                null));
        rows.add(
            java.util.Arrays.asList(
                t,
                1.0 + h,
                0.5 + h,
                2.0 + h,
                HOUR.toEpochMilli(),
                "consumption-xgboost-1",
                "false",
                null,
                "consumption-xgboost-1",
                0.08,
                168));
      }
      return List.of(
          new Series(
              "forecasts",
              Map.of(),
              List.of(
                  "time",
                  "value_kwh",
                  "p10_kwh",
                  "p90_kwh",
                  "issued_at",
                  "model_id",
                  "fallback",
                  "fallback_reason",
                  "candidate_model_id",
                  "guard_skill",
                  "guard_hours"),
              rows));
    }
    if (query.contains("FROM \"forecast_accuracy\"")) {
      var columns = List.of("time", "nrmse_percent", "skill", "mae_kwh", "hours", "window_hours");
      return List.of(
          new Series(
              "forecast_accuracy",
              Map.of("lead_band", "day_ahead"),
              columns,
              List.of(List.of(HOUR.toEpochMilli(), 31.5, 0.12, 0.4, 120, 168))),
          new Series(
              "forecast_accuracy",
              Map.of("lead_band", "0-6h"),
              columns,
              List.of(List.of(HOUR.toEpochMilli(), 20.0, 0.3, 0.2, 700, 168))));
    }
    return List.of();
  }

  @Test
  void shouldAnswerTheLatestModelForecastWithAccuracy() {
    var r = client.get("/api/v1/forecast/consumption?building=demo&horizon=6h", viewer);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode json = r.json();
    assertThat(json.get("model_id").asText()).isEqualTo("consumption-xgboost-1");
    assertThat(json.get("fallback").asBoolean()).isFalse();
    assertThat(json.get("unit").asText()).isEqualTo("kWh");
    assertThat(json.get("values"))
        .hasSize(24); // the fake ignores the time bounds; the service does not re-filter
    assertThat(json.at("/values/0/time").asText()).isEqualTo(HOUR.toString());
    assertThat(json.at("/values/0/value_kwh").asDouble()).isEqualTo(1.0);
    assertThat(json.at("/values/0/p10_kwh").asDouble()).isEqualTo(0.5);
    assertThat(json.at("/values/0/p90_kwh").asDouble()).isEqualTo(2.0);
    assertThat(json.at("/guard/candidate_model_id").asText()).isEqualTo("consumption-xgboost-1");
    assertThat(json.at("/guard/skill").asDouble()).isEqualTo(0.08);
    assertThat(json.at("/guard/scored_hours").asInt()).isEqualTo(168);
    assertThat(json.at("/accuracy/lead_band").asText()).isEqualTo("day_ahead");
    assertThat(json.at("/accuracy/skill").asDouble()).isEqualTo(0.12);
    assertThat(json.at("/accuracy/nrmse_percent").asDouble()).isEqualTo(31.5);
    // every band, in lead order
    assertThat(json.get("accuracy_by_lead"))
        .extracting(n -> n.get("lead_band").asText())
        .containsExactly("0-6h", "day_ahead");
    assertThat(json.has("room")).isFalse();
    assertThat(sent)
        .anySatisfy(
            q ->
                assertThat(q)
                    .contains("\"target\" = 'consumption'")
                    .contains("\"room\" = ''")
                    .contains("time >= '2026-11-27T10:00:00Z' AND time < '2026-11-27T16:00:00Z'"));
  }

  @Test
  void shouldAnswerARoomsOwnForecastAndOnlyForConsumption() {
    var r = client.get("/api/v1/forecast/consumption?building=demo&room=kitchen", viewer);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("room").asText()).isEqualTo("kitchen");
    assertThat(sent).anySatisfy(q -> assertThat(q).contains("\"room\" = 'kitchen'"));
    var generation = client.get("/api/v1/forecast/generation?building=demo&room=kitchen", viewer);
    assertThat(generation.status()).isEqualTo(400);
    assertThat(generation.json().at("/errors/0/field").asText()).isEqualTo("room");
    var hostile = client.get("/api/v1/forecast/consumption?building=demo&room=a'b", viewer);
    assertThat(hostile.status()).isEqualTo(400);
    assertThat(hostile.json().at("/errors/0/field").asText()).isEqualTo("room");
  }

  @Test
  void shouldSumHoursIntoTheRequestedResolution() {
    var r = client.get("/api/v1/forecast/generation?building=demo&resolution=6h", viewer);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    // hours 0..5 hold 1..6 → 21; P10 0.5..5.5 → 18, P90 2..7 → 27
    assertThat(r.json().at("/values/0/value_kwh").asDouble()).isEqualTo(21.0);
    assertThat(r.json().at("/values/0/p10_kwh").asDouble()).isEqualTo(18.0);
    assertThat(r.json().at("/values/0/p90_kwh").asDouble()).isEqualTo(27.0);
    assertThat(r.json().get("values")).hasSize(4);
    assertThat(r.json().get("target").asText()).isEqualTo("generation");
  }

  @Test
  void shouldNameTheInvalidParameter() {
    assertThat(
            client
                .get("/api/v1/forecast/consumption", viewer)
                .json()
                .at("/errors/0/field")
                .asText())
        .isEqualTo("building");
    assertThat(
            client.get("/api/v1/forecast/consumption?building=demo'%20OR%201=1", viewer).status())
        .isEqualTo(400);
    var horizon = client.get("/api/v1/forecast/consumption?building=demo&horizon=48h", viewer);
    assertThat(horizon.status()).isEqualTo(400);
    assertThat(horizon.json().at("/errors/0/field").asText()).isEqualTo("horizon");
    assertThat(
            client
                .get("/api/v1/forecast/consumption?building=demo&resolution=5m", viewer)
                .json()
                .at("/errors/0/field")
                .asText())
        .isEqualTo("resolution");
    assertThat(sent).noneMatch(q -> q.contains("OR 1=1"));
  }

  @Test
  void shouldAnswer404ForABuildingWithoutForecastsAnd401WithoutToken() {
    assertThat(client.get("/api/v1/forecast/consumption?building=elsewhere", viewer).status())
        .isEqualTo(404);
    assertThat(client.get("/api/v1/forecast/consumption?building=demo", null).status())
        .isEqualTo(401);
  }
}
