package io.voltstream.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.infra.junit.MosquittoExtension;
import io.voltstream.sim.replay.UciHouse;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The UCI replay against a real Mosquitto. */
class ReplayITCase {
  @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();

  @TempDir Path dir;

  @Test
  void shouldReplayTheFirstRowsOfTheUciFileWithEveryRoomAndTheHouseMeter() throws Exception {
    Path csv = dir.resolve("uci.csv");
    try (InputStream in = getClass().getResourceAsStream("/uci-first-rows.csv")) {
      Files.copy(in, csv);
    }
    SimulatorConfig config =
        SimulatorConfig.fromEnv(
            Map.of(
                "VOLTSTREAM_SIM_MODE", "replay",
                "VOLTSTREAM_MQTT_URL", MQTT.serverUri(),
                "VOLTSTREAM_KAFKA_BOOTSTRAP", "none",
                "VOLTSTREAM_REPLAY_FILE", csv.toString(),
                "VOLTSTREAM_REPLAY_SPEED", "6000"));
    // 6 rows × 9 climate sensors + 6 house-meter intervals.
    int expected = 6 * 9 + 6;
    try (MqttTestSubscriber sub = new MqttTestSubscriber(MQTT.host(), MQTT.port());
        SimulatorApp.Running sim = SimulatorApp.start(config)) {
      assertThat(sim.awaitReplayFinished(Duration.ofSeconds(30))).isTrue();
      List<MqttTestSubscriber.Message> got =
          sub.awaitUntil(ms -> ms.size() >= expected, Duration.ofSeconds(30));
      assertThat(got).hasSize(expected);
      List<JsonNode> json = got.stream().map(ContractCheck::valid).toList();

      Set<String> rooms =
          json.stream().map(j -> j.path("room").asText()).collect(Collectors.toSet());
      assertThat(rooms).containsAll(UciHouse.AREA_ROOMS).contains(UciHouse.HOUSE_ROOM);

      List<JsonNode> meter =
          json.stream().filter(j -> j.path("sensor_id").asText().equals("house-meter")).toList();
      assertThat(meter)
          .extracting(j -> j.path("energy").path("value").asDouble())
          .containsExactly(60.0, 50.0, 70.0, 40.0, 70.0, 70.0);
      assertThat(meter)
          .allSatisfy(j -> assertThat(j.path("energy").path("unit").asText()).isEqualTo("Wh"));

      JsonNode kitchenFirst =
          json.stream()
              .filter(j -> j.path("sensor_id").asText().equals("uci-kitchen-climate"))
              .findFirst()
              .orElseThrow();
      assertThat(kitchenFirst.path("temperature").path("value").asDouble())
          .isCloseTo(21.79, within(1e-9));
      assertThat(kitchenFirst.path("humidity").path("value").asDouble())
          .isCloseTo(39.9, within(1e-9));

      // Shifted to end now: the last interval's reading is stamped around the end of the replay.
      Instant lastMeter =
          Instant.ofEpochMilli(meter.get(meter.size() - 1).path("timestamp").asLong());
      assertThat(Duration.between(lastMeter, Instant.now()).abs())
          .isLessThan(Duration.ofSeconds(30));
      long tenMinutes = Duration.ofMinutes(10).toMillis();
      for (int i = 1; i < meter.size(); i++) {
        assertThat(
                meter.get(i).path("timestamp").asLong()
                    - meter.get(i - 1).path("timestamp").asLong())
            .isEqualTo(tenMinutes);
      }
    }
  }
}
