package io.voltstream.ingest.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voltstream.model.Json;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandKind;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The MQTT payload of a command (design §3), pure: a battery setpoint is {@code {"command_id",
 * "mode", "power_w", "valid_until", "source"}}, a device instruction {@code {"command_id",
 * "action", "value", "duration_s", "valid_until", "source"}}; {@code valid_until} is ISO-8601,
 * names are lower case.
 */
public final class CommandPayloads {
  private CommandPayloads() {}

  public static byte[] mqttPayload(Command command) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("command_id", command.commandId());
    if (command.kind() == CommandKind.BATTERY_SETPOINT) {
      json.put("mode", lower(command.battery().mode()));
      json.put("power_w", command.battery().powerW());
    } else {
      json.put("action", lower(command.device().action()));
      if (command.device().value() != null) {
        json.put("value", command.device().value());
      }
      if (command.device().durationS() != null) {
        json.put("duration_s", command.device().durationS());
      }
    }
    json.put("valid_until", command.validUntil().toString());
    json.put("source", lower(command.source()));
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
