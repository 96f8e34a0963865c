package io.voltstream.api.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.auth.Role;
import io.voltstream.influx.InfluxClient;
import io.voltstream.infra.junit.InfluxExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The forecast endpoints over a real influxd holding points in the forecast service's format. */
class ForecastEndpointsITCase {
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  private static final Instant HOUR = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void shouldServeStoredForecastsAndAccuracyFromInflux() {
    String db = INFLUX.freshDatabase();
    var lines = new ArrayList<String>();
    for (int h = 0; h < 24; h++) {
      long t = HOUR.plus(Duration.ofHours(h)).toEpochMilli();
      lines.add(
          "forecasts,building=demo,fallback=true,lead="
              + h
              + ",model_id=persistence_ensemble,target=generation"
              + " value_kwh="
              + (0.5 + h)
              + ",p10_kwh="
              + (0.25 + h)
              + ",p90_kwh="
              + (1.0 + h)
              + ",issued_at="
              + HOUR.toEpochMilli()
              + "i,lead_hours="
              + h
              + "i,fallback_reason=\"history_short\" "
              + t);
    }
    // a room's own consumption forecast: must not leak into the building's answer
    lines.add(
        "forecasts,building=demo,fallback=false,lead=0,model_id=m1,room=kitchen,target=generation"
            + " value_kwh=99.0,issued_at="
            + HOUR.plusSeconds(3600).toEpochMilli()
            + "i,lead_hours=0i "
            + HOUR.toEpochMilli());
    lines.add(
        "forecasts,building=demo,fallback=false,lead=0,model_id=m1,room=kitchen,target=consumption"
            + " value_kwh=0.7,p10_kwh=0.4,p90_kwh=1.1,issued_at="
            + HOUR.toEpochMilli()
            + "i,lead_hours=0i "
            + HOUR.toEpochMilli());
    lines.add(
        "forecast_accuracy,building=demo,lead_band=day_ahead,target=generation"
            + " nrmse_percent=42.0,skill=-0.05,mae_kwh=0.3,hours=20i,window_hours=168i "
            + HOUR.toEpochMilli());
    lines.add(
        "forecast_accuracy,building=demo,lead_band=0-6h,target=generation"
            + " nrmse_percent=30.0,skill=0.1,mae_kwh=0.2,hours=120i,window_hours=168i "
            + HOUR.toEpochMilli());
    INFLUX.write(db, String.join("\n", lines));

    var config = ApiConfig.fromEnv(Map.of(ApiConfig.PORT, "0"));
    ApiDependencies deps =
        ApiDependencies.inMemory(config, Clock.fixed(HOUR.plusSeconds(600), ZoneOffset.UTC));
    Javalin app =
        ApiServer.create(deps.withInflux(new InfluxClient(URI.create(INFLUX.url()), db)::query))
            .start("127.0.0.1", 0);
    try {
      String operator =
          deps.jwt().issue("o", Role.OPERATOR, List.of(), Duration.ofHours(1)).token();
      var r =
          new ApiTestClient(app.port())
              .get("/api/v1/forecast/generation?building=demo&horizon=12h&resolution=3h", operator);

      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode json = r.json();
      assertThat(json.get("model_id").asText()).isEqualTo("persistence_ensemble");
      assertThat(json.get("fallback").asBoolean()).isTrue();
      assertThat(json.get("fallback_reason").asText()).isEqualTo("history_short");
      assertThat(json.get("values")).hasSize(4);
      // hours 0..2: 0.5 + 1.5 + 2.5 (the room's 99 kWh is not the building's)
      assertThat(json.at("/values/0/value_kwh").asDouble()).isEqualTo(4.5);
      assertThat(json.at("/values/0/p10_kwh").asDouble()).isEqualTo(0.25 + 1.25 + 2.25);
      assertThat(json.at("/values/0/p90_kwh").asDouble()).isEqualTo(1.0 + 2.0 + 3.0);
      assertThat(json.at("/accuracy/lead_band").asText()).isEqualTo("day_ahead");
      assertThat(json.at("/accuracy/skill").asDouble()).isEqualTo(-0.05);
      assertThat(json.at("/accuracy/hours").asInt()).isEqualTo(20);
      assertThat(json.at("/accuracy_by_lead/0/lead_band").asText()).isEqualTo("0-6h");
      assertThat(json.at("/accuracy_by_lead/0/hours").asInt()).isEqualTo(120);

      var room =
          new ApiTestClient(app.port())
              .get("/api/v1/forecast/consumption?building=demo&room=kitchen&horizon=1h", operator);
      assertThat(room.status()).as(room.body()).isEqualTo(200);
      assertThat(room.json().get("room").asText()).isEqualTo("kitchen");
      assertThat(room.json().at("/values/0/value_kwh").asDouble()).isEqualTo(0.7);
      assertThat(room.json().at("/values/0/p90_kwh").asDouble()).isEqualTo(1.1);
    } finally {
      app.stop();
    }
  }
}
