package io.voltstream.ingest.mapping;

import static io.voltstream.ingest.mapping.JsonFields.abbreviate;
import static io.voltstream.ingest.mapping.JsonFields.present;
import static io.voltstream.ingest.mapping.JsonFields.required;
import static io.voltstream.ingest.mapping.JsonFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.model.EntityId;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Validates one reading object of design §3 and normalises it into a {@link SensorReading}. Stops
 * at the first violation: a device gets one precise reason per rejected reading. Fields it does not
 * know are ignored, so devices may send more than the contract asks for.
 */
final class ReadingMapper {
  /** Readings may be stamped at most this far ahead of their arrival (clock skew allowance). */
  static final Duration MAX_FUTURE_SKEW = JsonFields.MAX_FUTURE_SKEW;

  /** Nothing measured before this is plausible; catches epoch seconds sent as milliseconds. */
  static final Instant OLDEST_ACCEPTED = JsonFields.OLDEST_ACCEPTED;

  private ReadingMapper() {}

  /** The outcome for one element: exactly one of {@code reading} and {@code rejection} is set. */
  record Outcome(SensorReading reading, Rejection rejection) {}

  static Outcome map(
      JsonNode node,
      String topicSensorId,
      Instant receivedAt,
      Integer batchIndex,
      String rawElement) {
    try {
      return new Outcome(toReading(node, topicSensorId, receivedAt), null);
    } catch (Invalid invalid) {
      return new Outcome(
          null,
          new Rejection(
              invalid.reason, invalid.field, batchIndex, invalid.getMessage(), rawElement));
    }
  }

  private static SensorReading toReading(JsonNode node, String topicSensorId, Instant receivedAt) {
    if (!node.isObject()) {
      throw new Invalid(
          RejectionReason.NOT_AN_OBJECT,
          null,
          "a reading must be a JSON object, got " + node.getNodeType());
    }
    String sensorId = sensorId(node, topicSensorId);
    Instant timestamp = timestamp(node, receivedAt);
    SensorType sensorType = sensorType(node);
    String room = room(node);
    Map<Metric, Double> values = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      Double value = metric(node, metric);
      if (value != null) {
        values.put(metric, value);
      }
    }
    if (values.isEmpty()) {
      throw new Invalid(
          RejectionReason.NO_METRICS,
          null,
          "a reading needs at least one of energy, power, co2, "
              + "temperature, humidity, voltage, generation");
    }
    return new SensorReading(
        sensorId,
        timestamp,
        room,
        sensorType,
        values.get(Metric.ENERGY),
        values.get(Metric.POWER),
        values.get(Metric.CO2),
        values.get(Metric.TEMPERATURE),
        values.get(Metric.HUMIDITY),
        values.get(Metric.VOLTAGE),
        values.get(Metric.GENERATION),
        receivedAt);
  }

  private static String sensorId(JsonNode node, String topicSensorId) {
    JsonNode value = required(node, "sensor_id");
    if (!value.isTextual() || !EntityId.isValid(value.textValue())) {
      throw new Invalid(
          RejectionReason.INVALID_SENSOR_ID,
          "sensor_id",
          "sensor_id " + EntityId.RULE + ", got " + abbreviate(value));
    }
    if (!value.textValue().equals(topicSensorId)) {
      throw new Invalid(
          RejectionReason.SENSOR_ID_MISMATCH,
          "sensor_id",
          "sensor_id '"
              + value.textValue()
              + "' does not match the topic's sensor id '"
              + topicSensorId
              + "'");
    }
    return value.textValue();
  }

  private static SensorType sensorType(JsonNode node) {
    JsonNode value = required(node, "sensor_type");
    if (!value.isTextual()) {
      throw new Invalid(
          RejectionReason.UNKNOWN_SENSOR_TYPE, "sensor_type", "sensor_type must be a string");
    }
    return SensorType.fromWireName(value.textValue())
        .orElseThrow(
            () ->
                new Invalid(
                    RejectionReason.UNKNOWN_SENSOR_TYPE,
                    "sensor_type",
                    "unknown sensor_type '" + abbreviate(value.textValue()) + "'"));
  }

  private static String room(JsonNode node) {
    JsonNode value = present(node, "room");
    if (value == null) {
      return null;
    }
    if (!value.isTextual() || !EntityId.isValid(value.textValue())) {
      throw new Invalid(
          RejectionReason.INVALID_ROOM,
          "room",
          "room " + EntityId.RULE + ", got " + abbreviate(value));
    }
    return value.textValue();
  }

  private static Double metric(JsonNode node, Metric metric) {
    String field = metric.fieldName();
    JsonNode object = present(node, field);
    if (object == null) {
      return null;
    }
    if (!object.isObject()) {
      throw new Invalid(
          RejectionReason.INVALID_METRIC,
          field,
          field + " must be an object {\"value\": <number>, \"unit\": \"<unit>\"}");
    }
    JsonNode value = requiredMember(object, "value", field);
    JsonNode unit = requiredMember(object, "unit", field);
    if (!value.isNumber()) {
      throw new Invalid(
          RejectionReason.INVALID_VALUE,
          field + ".value",
          field + ".value must be a JSON number, got " + abbreviate(value));
    }
    double raw = value.doubleValue();
    if (!Double.isFinite(raw)) {
      throw new Invalid(
          RejectionReason.NON_FINITE_VALUE,
          field + ".value",
          field + ".value is not a finite number");
    }
    Double canonical = unit.isTextual() ? metric.normalise(raw, unit.textValue()) : null;
    if (canonical == null) {
      throw new Invalid(
          RejectionReason.UNKNOWN_UNIT,
          field + ".unit",
          field + ".unit " + abbreviate(unit) + " is not one of " + metric.acceptedUnits());
    }
    if (!metric.inRange(canonical)) {
      throw new Invalid(
          RejectionReason.OUT_OF_RANGE,
          field + ".value",
          field
              + " "
              + canonical
              + " (normalised) is outside the plausible range "
              + metric.range());
    }
    return canonical;
  }

  private static JsonNode requiredMember(JsonNode object, String member, String metricField) {
    JsonNode value = present(object, member);
    if (value == null) {
      throw new Invalid(
          RejectionReason.MISSING_FIELD,
          metricField + "." + member,
          metricField + "." + member + " is required");
    }
    return value;
  }
}
