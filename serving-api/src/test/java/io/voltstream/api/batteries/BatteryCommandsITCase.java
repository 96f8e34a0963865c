package io.voltstream.api.batteries;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiInstances;
import io.voltstream.api.ApiTestClient;
import io.voltstream.influx.LinePoint;
import io.voltstream.influx.Schema;
import io.voltstream.infra.TopicReader;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.model.Json;
import io.voltstream.model.Topics;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.TargetKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manual command end to end on the API's side, on real Kafka and InfluxDB: {@code POST …/charge}
 * answers 202 only after Kafka acknowledged the {@link Command} on {@code commands} (so it is there
 * when the answer arrives, keyed by the battery, with the request's fields); the status reads
 * {@code pending} at once and follows what the command-status job writes to InfluxDB {@code
 * commands}; the battery list shows the latest {@code battery_state}.
 */
class BatteryCommandsITCase {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension(1);
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();
  @TempDir static Path dataDir;

  private static ApiApp.Running api;
  private static ApiTestClient client;
  private static String admin;
  private static String db;

  @BeforeAll
  static void start() {
    db = INFLUX.freshDatabase();
    api = ApiInstances.startUnthrottled(KAFKA.bootstrapServers(), dataDir, INFLUX.url(), db);
    client = new ApiTestClient(api.port());
    admin = ApiInstances.adminToken(api);
    assertThat(client.post("/api/v1/buildings", admin, "{\"id\":\"hq\",\"name\":\"HQ\"}").status())
        .isEqualTo(201);
    var b =
        client.post(
            "/api/v1/batteries",
            admin,
            "{\"id\":\"hq-battery-1\",\"building\":\"hq\",\"capacity_kwh\":10,"
                + "\"max_charge_w\":5000,\"max_discharge_w\":5000,\"round_trip_efficiency\":0.9,\"min_soc_percent\":5,"
                + "\"max_soc_percent\":95,\"reserve_percent\":10}");
    assertThat(b.status()).as(b.body()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void shouldProduceTheManualCommandToKafkaBeforeAnswering() throws Exception {
    Instant before = Instant.now();
    var r =
        client.post(
            "/api/v1/batteries/hq-battery-1/charge",
            admin,
            "{\"power_w\":3000,\"duration_s\":900}");
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    String id = r.json().get("command_id").asText();

    // acks=all before the 202: the record is in the log now (the reader only waits for partition
    // metadata)
    List<ConsumerRecord<String, String>> records =
        TopicReader.read(
            KAFKA.bootstrapServers(), Topics.COMMANDS.name(), 1, Duration.ofSeconds(10));
    assertThat(records).hasSize(1);
    assertThat(records.get(0).key()).isEqualTo("hq-battery-1");
    Command c = Json.MAPPER.readValue(records.get(0).value(), Command.class);
    assertThat(c.commandId()).isEqualTo(id);
    assertThat(c.targetKind()).isEqualTo(TargetKind.BATTERY);
    assertThat(c.target()).isEqualTo("hq-battery-1");
    assertThat(c.building()).isEqualTo("hq");
    assertThat(c.battery().mode()).isEqualTo(BatteryMode.CHARGE);
    assertThat(c.battery().powerW()).isEqualTo(3000.0);
    assertThat(c.source()).isEqualTo(CommandSource.MANUAL);
    assertThat(c.issuedBy()).isEqualTo("admin");
    assertThat(c.issuedAt()).isBetween(before.minusSeconds(1), Instant.now());
    assertThat(Duration.between(c.issuedAt(), c.validUntil())).isEqualTo(Duration.ofSeconds(900));
    assertThat(r.json().get("valid_until").asText()).isEqualTo(c.validUntil().toString());

    assertThat(client.get("/api/v1/commands/" + id, admin).json().get("status").asText())
        .isEqualTo("pending");

    // what the command-status job writes when the battery acknowledges
    var m = Schema.COMMANDS;
    Instant applied = c.issuedAt().plusMillis(350);
    INFLUX.write(
        db,
        LinePoint.of(m)
            .tag(m.target, "hq-battery-1")
            .tag(m.targetKind, "battery")
            .tag(m.source, "manual")
            .tag(m.building, "hq")
            .field(m.commandId, id)
            .field(m.kind, "battery_setpoint")
            .field(m.status, "applied")
            .field(m.mode, "charge")
            .field(m.powerW, 3000.0)
            .field(m.validUntil, c.validUntil().toEpochMilli())
            .field(m.statusAt, applied.toEpochMilli())
            .field(m.ackLatencyMs, 350L)
            .time(c.issuedAt())
            .toLine());
    var s = Schema.BATTERY_STATE;
    INFLUX.write(
        db,
        LinePoint.of(s)
            .tag(s.batteryId, "hq-battery-1")
            .tag(s.building, "hq")
            .field(s.socPercent, 61.0)
            .field(s.powerW, 3000.0)
            .field(s.sohPercent, 99.0)
            .field(s.mode, "charge")
            .field(s.commandId, id)
            .time(applied)
            .toLine());

    assertThat(
            Waits.until(
                () ->
                    "applied"
                        .equals(
                            client
                                .get("/api/v1/commands/" + id, admin)
                                .json()
                                .path("status")
                                .asText()),
                Duration.ofSeconds(10)))
        .isTrue();
    var status = client.get("/api/v1/commands/" + id, admin).json();
    assertThat(status.get("ack_latency_ms").asLong()).isEqualTo(350);
    assertThat(status.get("at").asText()).isEqualTo(applied.toString());

    var battery = client.get("/api/v1/batteries/hq-battery-1", admin).json();
    assertThat(battery.get("soc_percent").asDouble()).isEqualTo(61.0);
    assertThat(battery.get("mode").asText()).isEqualTo("charge");
    assertThat(battery.get("last_command").get("id").asText()).isEqualTo(id);
    assertThat(battery.get("last_command").get("status").asText()).isEqualTo("applied");
  }
}
