package io.voltstream.api.sensors.dto;

/**
 * Body of {@code POST /api/v1/sensors} and {@code PUT …/{id}}: {@code sensor_id} (optional on PUT),
 * {@code room}, {@code sensor_type} (a design §3 type), optional {@code name} and {@code
 * dr_enabled}.
 */
public record SensorRequest(
    String sensorId, String room, String sensorType, String name, Boolean drEnabled) {}
