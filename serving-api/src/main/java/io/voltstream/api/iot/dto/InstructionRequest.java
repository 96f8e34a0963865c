package io.voltstream.api.iot.dto;

/**
 * Body of {@code POST /api/v1/iot/devices/{id}/instructions}: {@code action} on, off or setpoint;
 * {@code value} the setpoint in the device's unit (required for setpoint); {@code duration_s} how
 * long the instruction holds before the device returns to its default behaviour (optional, 1 …
 * 604800).
 */
public record InstructionRequest(String action, Double value, Long durationS) {}
