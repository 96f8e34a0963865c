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

  private static final String BATCH = """
      {"building":"demo","target":"consumption","model_id":"consumption-xgboost","fallback":false,
       "fallback_reason":null,"issued_at":"2026-11-27T10:01:00Z","origin":"2026-11-27T10:00:00Z",
       "values":[{"hour":"2026-11-27T10:00:00Z","value_kwh":1.25},{"hour":"2026-11-27T11:00:00Z","value_kwh":1.5}]}
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
    assertThat(m.json()).startsWith("{\"type\":\"forecast\"");
  }

  @Test
  void shouldGiveGenerationItsOwnConflationKey() {
    String generation = BATCH.replace("\"consumption\"", "\"generation\"");

    assertThat(messages.fromKafka(Topics.FORECASTS.name(), bytes(generation)).orElseThrow().key())
        .isEqualTo("forecast:demo:generation");
  }

  @Test
  void shouldIgnoreUnreadableForecastsInsteadOfThrowing() {
    for (String bad : List.of("not json", "[]", "{\"target\":\"consumption\",\"values\":[]}",
        "{\"building\":\"demo\",\"values\":[]}", "{\"building\":\"demo\",\"target\":\"consumption\"}")) {
      assertThat(messages.fromKafka(Topics.FORECASTS.name(), bytes(bad))).as(bad).isEmpty();
    }
    assertThat(messages.fromKafka(Topics.FORECASTS.name(), null)).isEmpty();
  }

  @Test
  void shouldOnlyPushForecastsToSessionsThatAskForThem() {
    LiveMessage m = messages.fromKafka(Topics.FORECASTS.name(), bytes(BATCH)).orElseThrow();

    assertThat(Subscription.DEFAULT_STREAMS).doesNotContain(LiveStreams.FORECAST);
    assertThat(new Subscription(Set.of(), Set.of(), Subscription.DEFAULT_STREAMS).matches(m)).isFalse();
    assertThat(new Subscription(Set.of(), Set.of(), Set.of(LiveStreams.FORECAST)).matches(m)).isTrue();
    assertThat(new Subscription(Set.of("kitchen"), Set.of(), Set.of(LiveStreams.FORECAST)).matches(m)).isFalse();
  }
}
