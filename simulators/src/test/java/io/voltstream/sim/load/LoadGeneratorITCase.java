package io.voltstream.sim.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.MosquittoExtension;
import io.voltstream.sim.ContractCheck;
import io.voltstream.sim.MqttTestSubscriber;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The benchmark load generator against a real Mosquitto. */
class LoadGeneratorITCase {
  @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();

  private static long awaitAcked(LoadGenerator load, long readings, Duration timeout) {
    Waits.until(() -> load.publishedReadings() >= readings, timeout);
    return load.publishedReadings();
  }

  private static long awaitSent(LoadGenerator load, long readings, Duration timeout) {
    Waits.until(() -> load.sentReadings() >= readings, timeout);
    return load.sentReadings();
  }

  @Test
  void shouldPublishAtTheTargetRateAndDeliverEveryAcknowledgedReading() throws Exception {
    LoadGeneratorConfig config =
        LoadGeneratorConfig.defaults()
            .withMqttUrl(URI.create(MQTT.serverUri()))
            .withSensors(200, 10)
            .withMetricsPerReading(6)
            .withSensorPrefix("it-")
            .withRate(6_000);
    Instant started = Instant.now();
    try (MqttTestSubscriber sub = new MqttTestSubscriber(MQTT.host(), MQTT.port())) {
      LoadGenerator load = LoadGenerator.start(config);
      try (load) {
        assertThat(awaitAcked(load, 100, Duration.ofSeconds(20))).isGreaterThanOrEqualTo(100);
        long from = load.sentReadings();
        long t0 = System.nanoTime();
        // 6,000 points/s of 6 metrics = 1,000 readings/s: 3,000 more readings take about 3 s.
        assertThat(awaitSent(load, from + 3_000, Duration.ofSeconds(20)))
            .isGreaterThanOrEqualTo(from + 3_000);
        long elapsedNanos = System.nanoTime() - t0;
        double readingsPerSecond = (load.sentReadings() - from) / (elapsedNanos / 1e9);
        assertThat(readingsPerSecond).isBetween(700.0, 1_250.0);

        load.setRate(12_000);
        assertThat(load.rate()).isEqualTo(12_000.0);
        long from2 = load.sentReadings();
        long t1 = System.nanoTime();
        assertThat(awaitSent(load, from2 + 4_000, Duration.ofSeconds(20)))
            .isGreaterThanOrEqualTo(from2 + 4_000);
        double faster = (load.sentReadings() - from2) / ((System.nanoTime() - t1) / 1e9);
        assertThat(faster).isBetween(1_400.0, 2_500.0);
        assertThat(load.failedPublishes()).isZero();
      }
      // After close (which drains the window) every sent reading was acknowledged.
      assertThat(load.publishedReadings()).isEqualTo(load.sentReadings());
      assertThat(load.publishedDataPoints()).isEqualTo(load.publishedReadings() * 6);
      long total = load.publishedReadings();
      List<MqttTestSubscriber.Message> got =
          sub.awaitUntil(ms -> ms.size() >= total, Duration.ofSeconds(30));
      assertThat(got.size()).isGreaterThanOrEqualTo((int) total);
      Set<String> sensors = got.stream().map(m -> m.topic()).collect(Collectors.toSet());
      assertThat(sensors).hasSize(200);
      for (MqttTestSubscriber.Message m : got.subList(0, 500)) {
        JsonNode json = ContractCheck.valid(m);
        assertThat(json.path("room").asText()).startsWith("it-room-");
        // Event time is the wall-clock publish time.
        Instant ts = Instant.ofEpochMilli(json.path("timestamp").asLong());
        assertThat(ts).isBetween(started.minusSeconds(1), Instant.now());
      }
    }
  }

  @Test
  void shouldTellTheAckListenerTheIdOfEveryAcknowledgedReading() throws Exception {
    LoadGeneratorConfig config =
        LoadGeneratorConfig.defaults()
            .withMqttUrl(URI.create(MQTT.serverUri()))
            .withSensors(20, 2)
            .withMetricsPerReading(1)
            .withSensorPrefix("ack-")
            .withRate(500);
    java.util.Map<String, Long> ids = new java.util.concurrent.ConcurrentHashMap<>();
    try (MqttTestSubscriber sub = new MqttTestSubscriber(MQTT.host(), MQTT.port())) {
      LoadGenerator load =
          LoadGenerator.start(
              config,
              (sensor, ts) ->
                  ids.merge(LoadReadings.sensorId("ack-", sensor) + "@" + ts, 1L, Long::sum));
      try (load) {
        assertThat(awaitAcked(load, 300, Duration.ofSeconds(20))).isGreaterThanOrEqualTo(300);
      }
      long total = load.publishedReadings();
      // one call per acknowledged reading, and every id distinct (sensor@ms never reused)
      assertThat(ids).hasSize((int) total);
      assertThat(ids.values()).containsOnly(1L);
      List<MqttTestSubscriber.Message> got =
          sub.awaitUntil(ms -> ms.size() >= total, Duration.ofSeconds(30));
      Set<String> published =
          got.stream()
              .map(ContractCheck::valid)
              .map(j -> j.path("sensor_id").asText() + "@" + j.path("timestamp").asLong())
              .collect(Collectors.toSet());
      assertThat(published).containsAll(ids.keySet());
    }
  }
}
