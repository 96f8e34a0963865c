package io.voltstream.ingest.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.model.Json;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.BatterySetpoint;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.DeviceInstruction;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommandPayloadsTest {
  private static final Instant T = Instant.parse("2026-01-10T12:00:00Z");

  @Test
  void batterySetpointHasTheDesignFields() throws Exception {
    Command c =
        Command.battery(
            "c-1",
            "bat-1",
            "b1",
            new BatterySetpoint(BatteryMode.CHARGE, 2500),
            T,
            Duration.ofMinutes(5),
            CommandSource.MANUAL,
            "admin");
    JsonNode json = Json.MAPPER.readTree(CommandPayloads.mqttPayload(c));
    assertThat(json.properties())
        .extracting(java.util.Map.Entry::getKey)
        .containsExactlyInAnyOrder("command_id", "mode", "power_w", "valid_until", "source");
    assertThat(json.get("command_id").asText()).isEqualTo("c-1");
    assertThat(json.get("mode").asText()).isEqualTo("charge");
    assertThat(json.get("power_w").asDouble()).isEqualTo(2500);
    assertThat(json.get("valid_until").asText()).isEqualTo("2026-01-10T12:05:00Z");
    assertThat(json.get("source").asText()).isEqualTo("manual");
    assertThat(c.mqttTopic()).isEqualTo("batteries/bat-1/commands");
  }

  @Test
  void deviceInstructionCarriesActionAndValue() throws Exception {
    Command c =
        Command.device(
            "c-2",
            "hp-1",
            null,
            new DeviceInstruction(DeviceInstruction.Action.SETPOINT, 21.5),
            T,
            Duration.ofMinutes(1),
            CommandSource.RULE,
            "comfort");
    JsonNode json = Json.MAPPER.readTree(CommandPayloads.mqttPayload(c));
    assertThat(json.get("action").asText()).isEqualTo("setpoint");
    assertThat(json.get("value").asDouble()).isEqualTo(21.5);
    assertThat(json.get("source").asText()).isEqualTo("rule");
  }
}
