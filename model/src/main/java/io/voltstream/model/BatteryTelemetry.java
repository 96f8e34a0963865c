package io.voltstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A battery's state as it reports it on MQTT {@code batteries/{id}/state}, validated and normalised
 * by ingest and written to Kafka {@code battery-state} (key = battery id), then to InfluxDB {@code
 * battery_state}. Sign convention of the device contract (design §3): {@code powerW} is positive
 * while charging and negative while discharging.
 *
 * @param batteryId the battery (equals the MQTT topic segment)
 * @param timestamp event time of the measurement
 * @param socPercent state of charge [%]
 * @param powerW AC power [W], + charging, − discharging
 * @param capacityKwh usable capacity the battery reports [kWh], optional
 * @param maxChargeW charge limit it reports now [W], optional
 * @param maxDischargeW discharge limit it reports now [W], optional
 * @param sohPercent state of health [%], optional
 * @param mode what it is doing: {@code charge}, {@code discharge}, {@code idle}, {@code auto} or
 *     {@code safe} (no fresh command), optional
 * @param commandId the command it is executing, optional
 * @param ingestedAt when ingest received it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatteryTelemetry(
    String batteryId,
    Instant timestamp,
    double socPercent,
    double powerW,
    Double capacityKwh,
    Double maxChargeW,
    Double maxDischargeW,
    Double sohPercent,
    String mode,
    String commandId,
    Instant ingestedAt) {}
