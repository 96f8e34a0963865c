package io.voltstream.sim.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.Json;
import io.voltstream.sim.device.battery.SimulatedBattery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The battery's side of the MQTT contract (design §3): reads a command, writes an acknowledgement
 * and a state report. Pure.
 */
public final class BatteryMessages {
  private BatteryMessages() {}

  /**
   * The command in {@code payload}; empty when it has no readable {@code command_id} (nothing to
   * answer).
   */
  public static Optional<SimulatedBattery.Request> command(byte[] payload) {
    return CommandWire.answerable(payload)
        .map(
            json -> {
              JsonNode power = json.get("power_w");
              return new SimulatedBattery.Request(
                  json.get("command_id").asText(),
                  CommandWire.text(json, "mode"),
                  power != null && power.isNumber() ? power.doubleValue() : null,
                  CommandWire.validUntil(json),
                  CommandWire.text(json, "source"));
            });
  }

  /** {@code {"command_id","status","reason","timestamp"}}. */
  public static byte[] ack(SimulatedBattery.Answer answer, Instant at) {
    return CommandWire.encode(answer.commandId(), answer.applied(), answer.reason(), at);
  }

  /**
   * {@code
   * {"soc_percent","power_w","capacity_kwh","max_charge_w","max_discharge_w","soh_percent","mode","command_id","timestamp"}}.
   */
  public static byte[] state(BatteryTelemetry t) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("soc_percent", round(t.socPercent(), 3));
    json.put("power_w", round(t.powerW(), 1));
    json.put("capacity_kwh", t.capacityKwh());
    json.put("max_charge_w", t.maxChargeW());
    json.put("max_discharge_w", t.maxDischargeW());
    json.put("soh_percent", t.sohPercent());
    json.put("mode", t.mode());
    if (t.commandId() != null) {
      json.put("command_id", t.commandId());
    }
    json.put("timestamp", t.timestamp().toString());
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
