package io.voltstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * One validated, normalised measurement of one sensor: the value of the Kafka topic {@code
 * readings}.
 *
 * <p>Every metric is optional (null when the device did not send it) but a valid reading carries at
 * least one. Units are fixed by the field names; ingest converts whatever unit the device used.
 * {@code energyKwh} and {@code generationKwh} are the energy in the interval since the sensor's
 * previous reading. {@code room} is the room the device claimed (may be null): the registry's
 * assignment wins in the jobs. {@code ingestedAt} is when ingest accepted the reading (processing
 * time, kept for latency figures only).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SensorReading(
    String sensorId,
    Instant timestamp,
    String room,
    SensorType sensorType,
    Double energyKwh,
    Double powerW,
    Double co2Ppm,
    Double temperatureC,
    Double humidityPercent,
    Double voltageV,
    Double generationKwh,
    Instant ingestedAt) {

  public SensorReading {
    Objects.requireNonNull(sensorId, "sensorId");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(sensorType, "sensorType");
  }

  /** A stable identity of the measurement: the same reading replayed has the same id. */
  public String readingId() {
    return sensorId + "@" + timestamp.toEpochMilli();
  }

  /** Number of metric values carried (a "data point" in throughput figures). */
  public int metricCount() {
    int n = 0;
    for (Double v :
        new Double[] {
          energyKwh, powerW, co2Ppm, temperatureC, humidityPercent, voltageV, generationKwh
        }) {
      if (v != null) {
        n++;
      }
    }
    return n;
  }

  public SensorReading withRoom(String newRoom) {
    return new SensorReading(
        sensorId,
        timestamp,
        newRoom,
        sensorType,
        energyKwh,
        powerW,
        co2Ppm,
        temperatureC,
        humidityPercent,
        voltageV,
        generationKwh,
        ingestedAt);
  }
}
