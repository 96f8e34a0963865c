package io.voltstream.api.buildings;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.auth.Role;
import io.voltstream.model.Building;
import io.voltstream.model.PvSystem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A building's PV system (capacity, tilt, azimuth) through the real router with the in-memory
 * registry: stored and returned, replaced by a PUT, and every invalid field (or a PV system without
 * a location) answered 422 with problem JSON naming it; nothing stored then.
 */
class BuildingPvRoutesTest {
  private static final String EAST =
      "{\"id\":\"east\",\"name\":\"East\",\"latitude\":50.84,\"longitude\":4.42,"
          + "\"pv\":{\"capacity_kwp\":6,\"tilt_deg\":35,\"azimuth_deg\":90}}";

  private ApiDependencies deps;
  private Javalin app;
  private ApiServer server;
  private ApiTestClient client;
  private String admin;

  @BeforeEach
  void start() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-30T04:00:00Z"), ZoneOffset.UTC);
    deps = ApiDependencies.inMemory(ApiConfig.fromEnv(Map.of(ApiConfig.PORT, "0")), clock);
    server = new ApiServer(deps);
    app = server.app().start("127.0.0.1", 0);
    client = new ApiTestClient(app.port());
    admin = deps.jwt().issue("alice", Role.ADMIN, List.of(), Duration.ofHours(1)).token();
  }

  @AfterEach
  void stop() {
    app.stop();
    server.close();
  }

  @Test
  void shouldStoreAndReturnThePvSystem() {
    var created = client.post("/api/v1/buildings", admin, EAST);

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().at("/pv/capacity_kwp").asDouble()).isEqualTo(6.0);
    assertThat(deps.registry().requireBuilding("east").pv())
        .isEqualTo(new PvSystem(6.0, 35.0, 90.0));
    var read = client.get("/api/v1/buildings/east", admin);
    assertThat(read.json().at("/pv/azimuth_deg").asDouble()).isEqualTo(90.0);
  }

  @Test
  void shouldReplaceThePvSystemWithTheOtherAttributesOnPut() {
    client.post("/api/v1/buildings", admin, EAST);

    var put =
        client.put(
            "/api/v1/buildings/east",
            admin,
            "{\"name\":\"East\",\"latitude\":50.84,\"longitude\":4.42,"
                + "\"pv\":{\"capacity_kwp\":8,\"tilt_deg\":30,\"azimuth_deg\":120}}");

    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(deps.registry().requireBuilding("east").pv())
        .isEqualTo(new PvSystem(8.0, 30.0, 120.0));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"latitude\":50,\"longitude\":4,\"pv\":{\"capacity_kwp\":0,\"tilt_deg\":35,\"azimuth_deg\":90}|pv.capacity_kwp",
        "\"latitude\":50,\"longitude\":4,\"pv\":{\"tilt_deg\":35,\"azimuth_deg\":90}|pv.capacity_kwp",
        "\"latitude\":50,\"longitude\":4,\"pv\":{\"capacity_kwp\":6,\"tilt_deg\":91,\"azimuth_deg\":90}|pv.tilt_deg",
        "\"latitude\":50,\"longitude\":4,\"pv\":{\"capacity_kwp\":6,\"tilt_deg\":35,\"azimuth_deg\":360}|pv.azimuth_deg",
        "\"latitude\":50,\"longitude\":4,\"pv\":{\"capacity_kwp\":6,\"tilt_deg\":35}|pv.azimuth_deg",
        "\"longitude\":4,\"pv\":{\"capacity_kwp\":6,\"tilt_deg\":35,\"azimuth_deg\":90}|latitude",
        "\"latitude\":91,\"longitude\":4|latitude",
        "\"latitude\":50,\"longitude\":-181|longitude"
      })
  void shouldRejectAnInvalidFieldNamingIt(String fields, String field) {
    var r = client.post("/api/v1/buildings", admin, "{\"id\":\"bad\"," + fields + "}");

    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("errors").findValuesAsText("field")).as(r.body()).contains(field);
    assertThat(deps.registry().building("bad")).isEmpty();
  }

  @Test
  void shouldKeepABuildingWithoutPvValid() {
    deps.registry().createBuilding(new Building("plain", "Plain", null, null, null));

    assertThat(client.get("/api/v1/buildings/plain", admin).json().get("pv").isNull()).isTrue();
  }
}
