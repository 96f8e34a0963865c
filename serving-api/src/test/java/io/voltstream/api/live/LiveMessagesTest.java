package io.voltstream.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.model.Json;
import io.voltstream.model.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveMessagesTest {

  private static final String BATCH =
      """
      {"building":"demo","target":"consumption","model_id":"consumption-xgboost","fallback":false,
       "fallback_reason":null,"issued_at":"2026-11-27T10:01:00Z","origin":"2026-11-27T10:00:00Z",
       "guard":{"candidate_model_id":"consumption-xgboost","skill":0.08,"scored_hours":168},
       "values":[{"hour":"2026-11-27T10:00:00Z","value_kwh":1.25,"p10_kwh":0.9,"p90_kwh":1.8},{"hour":"2026-11-27T11:00:00Z","value_kwh":1.5}]}
      """;

  private final LiveMessages messages = new LiveMessages(id -> Optional.empty());

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldMapAForecastBatchToAForecastMessageConflatedPerBuildingAndTarget() throws Exception {
    LiveMessage m = messages.fromKafka(Topics.FORECASTS.name(), bytes(BATCH)).orElseThrow();

    assertThat(m.stream()).isEqualTo(LiveStreams.FORECAST);
    assertThat(m.key()).isEqualTo("forecast:demo:consumption");
    assertThat(m.room()).isNull();
    assertThat(m.sensorId()).isNull();
    JsonNode json = Json.MAPPER.readTree(m.json());
    assertThat(json.path("type").asText()).isEqualTo("forecast");
    assertThat(json.path("building").asText()).isEqualTo("demo");
    assertThat(json.path("target").asText()).isEqualTo("consumption");
    assertThat(json.path("model_id").asText()).isEqualTo("consumption-xgboost");
    assertThat(json.path("fallback").asBoolean()).isFalse();
    assertThat(json.path("issued_at").asText()).isEqualTo("2026-11-27T10:01:00Z");
    assertThat(json.at("/values/1/value_kwh").asDouble()).isEqualTo(1.5);
    // the quantiles and the guard's score reach clients unchanged
    assertThat(json.at("/values/0/p10_kwh").asDouble()).isEqualTo(0.9);
    assertThat(json.at("/values/0/p90_kwh").asDouble()).isEqualTo(1.8);
    assertThat(json.at("/guard/skill").asDouble()).isEqualTo(0.08);
    assertThat(m.json()).startsWith("{\"type\":\"forecast\"");
  }

  @Test
  void shouldMapBatteryStateConflatedPerBatteryWithTheRegistrysBuilding() throws Exception {
    LiveMessages withBatteries =
        new LiveMessages(
            id -> Optional.empty(),
            id -> id.equals("hq-battery") ? Optional.of("hq") : Optional.empty());
    String state =
        "{\"battery_id\":\"hq-battery\",\"timestamp\":\"2026-11-30T04:00:00Z\",\"soc_percent\":61.5,"
            + "\"power_w\":-1500,\"soh_percent\":99,\"mode\":\"discharge\",\"command_id\":\"c1\"}";
    LiveMessage m =
        withBatteries.fromKafka(Topics.BATTERY_STATE.name(), bytes(state)).orElseThrow();

    assertThat(m.stream()).isEqualTo(LiveStreams.BATTERIES);
    assertThat(m.key()).isEqualTo("battery:hq-battery");
    assertThat(m.building()).isEqualTo("hq");
    JsonNode json = Json.MAPPER.readTree(m.json());
    assertThat(json.path("type").asText()).isEqualTo("battery");
    assertThat(json.path("soc_percent").asDouble()).isEqualTo(61.5);
    assertThat(json.path("power_w").asDouble()).isEqualTo(-1500.0);
    assertThat(json.path("mode").asText()).isEqualTo("discharge");
    // an unregistered battery has no building: only unscoped tokens get it
    assertThat(
            withBatteries
                .fromKafka(Topics.BATTERY_STATE.name(), bytes(state.replace("hq-battery", "stray")))
                .orElseThrow()
                .building())
        .isNull();
    assertThat(withBatteries.fromKafka(Topics.BATTERY_STATE.name(), bytes("{\"soc_percent\":1}")))
        .isEmpty();
  }

  @Test
  void shouldMapACommandStatusConflatedPerCommand() throws Exception {
    var c =
        io.voltstream.model.command.Command.battery(
            "c1",
            "hq-battery",
            "hq",
            new io.voltstream.model.command.BatterySetpoint(
                io.voltstream.model.command.BatteryMode.CHARGE, 2000),
            java.time.Instant.parse("2026-11-30T04:00:00Z"),
            java.time.Duration.ofMinutes(5),
            io.voltstream.model.command.CommandSource.MANUAL,
            "alice");
    var applied =
        io.voltstream.model.command.CommandStatus.of(
            c,
            io.voltstream.model.command.CommandState.APPLIED,
            null,
            c.issuedAt().plusMillis(300),
            java.time.Duration.ofMillis(300));
    LiveMessage m =
        messages
            .fromKafka(
                Topics.COMMAND_STATUS.name(), Topics.COMMAND_STATUS.valueCodec().encode(applied))
            .orElseThrow();

    assertThat(m.stream()).isEqualTo(LiveStreams.COMMANDS);
    assertThat(m.key()).isEqualTo("command:c1");
    assertThat(m.building()).isEqualTo("hq");
    JsonNode json = Json.MAPPER.readTree(m.json());
    assertThat(json.path("type").asText()).isEqualTo("command");
    assertThat(json.path("command_id").asText()).isEqualTo("c1");
    assertThat(json.path("status").asText()).isEqualTo("applied");
    assertThat(json.path("target").asText()).isEqualTo("hq-battery");
    assertThat(json.path("mode").asText()).isEqualTo("charge");
    assertThat(json.path("ack_latency_ms").asLong()).isEqualTo(300);
  }

  @Test
  void shouldGiveGenerationItsOwnConflationKey() {
    String generation = BATCH.replace("\"consumption\"", "\"generation\"");

    assertThat(messages.fromKafka(Topics.FORECASTS.name(), bytes(generation)).orElseThrow().key())
        .isEqualTo("forecast:demo:generation");
  }

  @Test
  void shouldIgnoreUnreadableForecastsInsteadOfThrowing() {
    for (String bad :
        List.of(
            "not json",
            "[]",
            "{\"target\":\"consumption\",\"values\":[]}",
            "{\"building\":\"demo\",\"values\":[]}",
            "{\"building\":\"demo\",\"target\":\"consumption\"}")) {
      assertThat(messages.fromKafka(Topics.FORECASTS.name(), bytes(bad))).as(bad).isEmpty();
    }
    assertThat(messages.fromKafka(Topics.FORECASTS.name(), null)).isEmpty();
  }

  @Test
  void shouldOnlyPushForecastsToSessionsThatAskForThem() {
    LiveMessage m = messages.fromKafka(Topics.FORECASTS.name(), bytes(BATCH)).orElseThrow();

    assertThat(Subscription.DEFAULT_STREAMS).doesNotContain(LiveStreams.FORECAST);
    assertThat(new Subscription(Set.of(), Set.of(), Subscription.DEFAULT_STREAMS).matches(m))
        .isFalse();
    assertThat(new Subscription(Set.of(), Set.of(), Set.of(LiveStreams.FORECAST)).matches(m))
        .isTrue();
    assertThat(
            new Subscription(Set.of("kitchen"), Set.of(), Set.of(LiveStreams.FORECAST)).matches(m))
        .isFalse();
  }

  @Test
  void shouldMapFlexibilityWithTheRoomForDevicesAndRoomsAndTheBuildingForBuildings()
      throws Exception {
    String room =
        "{\"scope\":\"room\",\"id\":\"kitchen\",\"building\":\"hq\",\"room\":\"kitchen\","
            + "\"at\":\"2026-11-30T04:00:00Z\",\"up_now_kw\":0,\"down_now_kw\":1.5,"
            + "\"up_hour_kw\":0,\"down_hour_kw\":0.75,\"power_w\":1500}";
    LiveMessage m = messages.fromKafka(Topics.FLEXIBILITY.name(), bytes(room)).orElseThrow();
    assertThat(m.stream()).isEqualTo(LiveStreams.FLEXIBILITY);
    assertThat(m.key()).isEqualTo("flexibility:room:kitchen");
    assertThat(m.room()).isEqualTo("kitchen");
    assertThat(m.building()).isNull();
    JsonNode json = Json.MAPPER.readTree(m.json());
    assertThat(json.path("type").asText()).isEqualTo("flexibility");
    assertThat(json.path("down_now_kw").asDouble()).isEqualTo(1.5);
    assertThat(json.path("down_hour_kw").asDouble()).isEqualTo(0.75);

    String building =
        "{\"scope\":\"building\",\"id\":\"hq\",\"building\":\"hq\","
            + "\"at\":\"2026-11-30T04:00:00Z\",\"up_now_kw\":5,\"down_now_kw\":6.5,"
            + "\"up_hour_kw\":5,\"down_hour_kw\":4.35}";
    LiveMessage b = messages.fromKafka(Topics.FLEXIBILITY.name(), bytes(building)).orElseThrow();
    assertThat(b.key()).isEqualTo("flexibility:building:hq");
    assertThat(b.room()).isNull();
    assertThat(b.building()).isEqualTo("hq");

    String deviceWithoutRoom =
        "{\"scope\":\"device\",\"id\":\"x\",\"building\":\"hq\",\"at\":\"2026-11-30T04:00:00Z\"}";
    assertThat(messages.fromKafka(Topics.FLEXIBILITY.name(), bytes(deviceWithoutRoom))).isEmpty();
    assertThat(new Subscription(Set.of(), Set.of(), Subscription.DEFAULT_STREAMS).matches(m))
        .isFalse();
  }
}
