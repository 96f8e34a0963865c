package io.voltstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A registered sensor and the room it is assigned to (this assignment beats the payload's room).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sensor(
    String sensorId, String room, SensorType sensorType, String name, Boolean drEnabled) {}
