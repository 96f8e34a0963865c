package io.voltstream.ingest.mapping;

import static io.voltstream.ingest.mapping.JsonFields.abbreviate;
import static io.voltstream.ingest.mapping.JsonFields.number;
import static io.voltstream.ingest.mapping.JsonFields.present;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.model.BatteryTelemetry;
import java.time.Instant;
import java.util.Set;

/**
 * Validates a battery state object of design §3 ({@code batteries/{id}/state}) into a {@link
 * BatteryTelemetry}; the battery id is the topic segment. Ranges are plausibility bounds, not the
 * battery's own limits (those live in the registry): SoC and SoH 0..100 %, power and limits at most
 * {@link #MAX_POWER_W}, capacity at most {@link #MAX_CAPACITY_KWH}.
 */
final class BatteryStateMapper {
  /** 10 MW: no building battery is larger; beyond it the value is a unit mistake. */
  static final double MAX_POWER_W = 10_000_000;

  /** 100 MWh. */
  static final double MAX_CAPACITY_KWH = 100_000;

  static final Set<String> MODES = Set.of("charge", "discharge", "idle", "auto", "safe");

  private BatteryStateMapper() {}

  static BatteryTelemetry map(JsonNode node, String batteryId, Instant receivedAt) {
    Instant timestamp = JsonFields.timestamp(node, receivedAt);
    double soc = number(node, "soc_percent", true, 0, 100);
    double power = number(node, "power_w", true, -MAX_POWER_W, MAX_POWER_W);
    Double capacity = number(node, "capacity_kwh", false, 0, MAX_CAPACITY_KWH);
    Double maxCharge = number(node, "max_charge_w", false, 0, MAX_POWER_W);
    Double maxDischarge = number(node, "max_discharge_w", false, 0, MAX_POWER_W);
    Double soh = number(node, "soh_percent", false, 0, 100);
    String commandId = JsonFields.entityId(node, "command_id", RejectionReason.INVALID_COMMAND_ID);
    return new BatteryTelemetry(
        batteryId,
        timestamp,
        soc,
        power,
        capacity,
        maxCharge,
        maxDischarge,
        soh,
        mode(node),
        commandId,
        receivedAt);
  }

  private static String mode(JsonNode node) {
    JsonNode value = present(node, "mode");
    if (value == null) {
      return null;
    }
    if (!value.isTextual() || !MODES.contains(value.textValue())) {
      throw new Invalid(
          RejectionReason.INVALID_MODE,
          "mode",
          "mode must be one of charge, discharge, idle, auto, safe, got " + abbreviate(value));
    }
    return value.textValue();
  }
}
