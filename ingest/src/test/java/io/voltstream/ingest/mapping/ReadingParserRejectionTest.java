package io.voltstream.ingest.mapping;

import static io.voltstream.ingest.mapping.ReadingTestData.MEASURED_AT;
import static io.voltstream.ingest.mapping.ReadingTestData.RECEIVED_AT;
import static io.voltstream.ingest.mapping.ReadingTestData.TOPIC;
import static io.voltstream.ingest.mapping.ReadingTestData.bytes;
import static io.voltstream.ingest.mapping.ReadingTestData.metric;
import static io.voltstream.ingest.mapping.ReadingTestData.utf8;
import static io.voltstream.ingest.mapping.ReadingTestData.validReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rejection rule of design §3, one case per rule, each naming the reason and the field. */
class ReadingParserRejectionTest {

  static Stream<Arguments> invalidMessages() {
    return Stream.of(
        // envelope
        payload(
            "oversized payload",
            TOPIC,
            utf8(" ".repeat(64 * 1024) + "{}"),
            RejectionReason.PAYLOAD_TOO_LARGE,
            null),
        payload(
            "topic without readings suffix",
            "sensors/kitchen-meter/state",
            bytes(validReading()),
            RejectionReason.INVALID_TOPIC,
            null),
        payload(
            "topic with extra level",
            "sensors/a/b/readings",
            bytes(validReading()),
            RejectionReason.INVALID_TOPIC,
            null),
        payload(
            "topic with unsafe sensor id",
            "sensors/k%C3%BC/readings",
            bytes(validReading()),
            RejectionReason.INVALID_TOPIC,
            null),
        payload(
            "invalid UTF-8",
            TOPIC,
            new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'},
            RejectionReason.INVALID_UTF8,
            null),
        payload("empty payload", TOPIC, new byte[0], RejectionReason.MALFORMED_JSON, null),
        payload("not JSON", TOPIC, utf8("kitchen 750 W"), RejectionReason.MALFORMED_JSON, null),
        payload(
            "truncated JSON",
            TOPIC,
            utf8("{\"sensor_id\": \"kitchen-meter\""),
            RejectionReason.MALFORMED_JSON,
            null),
        payload(
            "trailing garbage",
            TOPIC,
            utf8(validReading() + " x"),
            RejectionReason.MALFORMED_JSON,
            null),
        payload(
            "two JSON values",
            TOPIC,
            utf8(validReading() + " " + validReading()),
            RejectionReason.MALFORMED_JSON,
            null),
        payload(
            "NaN token",
            TOPIC,
            utf8(validReading().toString().replace("750.0", "NaN")),
            RejectionReason.MALFORMED_JSON,
            null),
        payload(
            "Infinity token",
            TOPIC,
            utf8(validReading().toString().replace("750.0", "Infinity")),
            RejectionReason.MALFORMED_JSON,
            null),
        payload(
            "-Infinity token",
            TOPIC,
            utf8(validReading().toString().replace("750.0", "-Infinity")),
            RejectionReason.MALFORMED_JSON,
            null),
        payload(
            "duplicate top-level key",
            TOPIC,
            utf8(
                validReading()
                    .toString()
                    .replace("{\"sensor_id\"", "{\"room\":\"hall\",\"sensor_id\"")),
            RejectionReason.DUPLICATE_KEY,
            null),
        payload(
            "duplicate metric key",
            TOPIC,
            utf8(validReading().toString().replace("\"unit\":\"W\"", "\"unit\":\"W\",\"value\":1")),
            RejectionReason.DUPLICATE_KEY,
            null),
        payload("scalar payload", TOPIC, utf8("42"), RejectionReason.NOT_AN_OBJECT, null),
        payload("string payload", TOPIC, utf8("\"hello\""), RejectionReason.NOT_AN_OBJECT, null),
        payload("empty batch", TOPIC, utf8("[]"), RejectionReason.EMPTY_BATCH, null),
        // identity
        reading(
            "missing sensor_id",
            r -> r.remove("sensor_id"),
            RejectionReason.MISSING_FIELD,
            "sensor_id"),
        reading(
            "null sensor_id",
            r -> r.putNull("sensor_id"),
            RejectionReason.MISSING_FIELD,
            "sensor_id"),
        reading(
            "numeric sensor_id",
            r -> r.put("sensor_id", 7),
            RejectionReason.INVALID_SENSOR_ID,
            "sensor_id"),
        reading(
            "sensor_id with slash",
            r -> r.put("sensor_id", "a/b"),
            RejectionReason.INVALID_SENSOR_ID,
            "sensor_id"),
        reading(
            "sensor_id of 65 characters",
            r -> r.put("sensor_id", "s".repeat(65)),
            RejectionReason.INVALID_SENSOR_ID,
            "sensor_id"),
        reading(
            "sensor_id differs from topic",
            r -> r.put("sensor_id", "hall-meter"),
            RejectionReason.SENSOR_ID_MISMATCH,
            "sensor_id"),
        reading(
            "room with space",
            r -> r.put("room", "living room"),
            RejectionReason.INVALID_ROOM,
            "room"),
        reading("empty room", r -> r.put("room", ""), RejectionReason.INVALID_ROOM, "room"),
        reading("numeric room", r -> r.put("room", 3), RejectionReason.INVALID_ROOM, "room"),
        // time
        reading(
            "missing timestamp",
            r -> r.remove("timestamp"),
            RejectionReason.MISSING_FIELD,
            "timestamp"),
        reading(
            "fractional epoch",
            r -> r.put("timestamp", 1764201600000.5),
            RejectionReason.INVALID_TIMESTAMP,
            "timestamp"),
        reading(
            "boolean timestamp",
            r -> r.put("timestamp", true),
            RejectionReason.INVALID_TIMESTAMP,
            "timestamp"),
        reading(
            "unparseable timestamp",
            r -> r.put("timestamp", "yesterday"),
            RejectionReason.INVALID_TIMESTAMP,
            "timestamp"),
        reading(
            "local date-time without offset",
            r -> r.put("timestamp", "2025-11-27T00:00:00"),
            RejectionReason.INVALID_TIMESTAMP,
            "timestamp"),
        reading(
            "epoch digits as string",
            r -> r.put("timestamp", "1764201600000"),
            RejectionReason.INVALID_TIMESTAMP,
            "timestamp"),
        reading(
            "epoch beyond long",
            r -> r.put("timestamp", new java.math.BigInteger("99999999999999999999")),
            RejectionReason.INVALID_TIMESTAMP,
            "timestamp"),
        reading(
            "more than 24 h ahead",
            r -> r.put("timestamp", RECEIVED_AT.plus(Duration.ofHours(24)).toEpochMilli() + 1),
            RejectionReason.TIMESTAMP_IN_FUTURE,
            "timestamp"),
        reading(
            "epoch seconds",
            r -> r.put("timestamp", MEASURED_AT.getEpochSecond()),
            RejectionReason.TIMESTAMP_TOO_OLD,
            "timestamp"),
        reading(
            "before 2000",
            r -> r.put("timestamp", "1999-12-31T23:59:59Z"),
            RejectionReason.TIMESTAMP_TOO_OLD,
            "timestamp"),
        // type
        reading(
            "missing sensor_type",
            r -> r.remove("sensor_type"),
            RejectionReason.MISSING_FIELD,
            "sensor_type"),
        reading(
            "unknown sensor_type",
            r -> r.put("sensor_type", "toaster"),
            RejectionReason.UNKNOWN_SENSOR_TYPE,
            "sensor_type"),
        reading(
            "numeric sensor_type",
            r -> r.put("sensor_type", 1),
            RejectionReason.UNKNOWN_SENSOR_TYPE,
            "sensor_type"),
        // metrics
        reading(
            "metric as bare number",
            r -> r.put("power", 750),
            RejectionReason.INVALID_METRIC,
            "power"),
        reading(
            "metric as array",
            r -> r.putArray("co2").add(1),
            RejectionReason.INVALID_METRIC,
            "co2"),
        reading(
            "metric without value",
            r -> r.putObject("power").put("unit", "W"),
            RejectionReason.MISSING_FIELD,
            "power.value"),
        reading(
            "metric without unit",
            r -> r.putObject("power").put("value", 1),
            RejectionReason.MISSING_FIELD,
            "power.unit"),
        reading(
            "value as string",
            r -> r.putObject("power").put("value", "750").put("unit", "W"),
            RejectionReason.INVALID_VALUE,
            "power.value"),
        reading(
            "value NaN as string",
            r -> r.putObject("energy").put("value", "NaN").put("unit", "kWh"),
            RejectionReason.INVALID_VALUE,
            "energy.value"),
        reading(
            "value boolean",
            r -> r.putObject("humidity").put("value", true).put("unit", "%"),
            RejectionReason.INVALID_VALUE,
            "humidity.value"),
        reading(
            "value overflowing double",
            r ->
                r.putObject("voltage")
                    .put("value", new java.math.BigDecimal("1e400"))
                    .put("unit", "V"),
            RejectionReason.NON_FINITE_VALUE,
            "voltage.value"),
        reading(
            "unknown energy unit",
            r -> metric(r, "energy", 1, "MWh"),
            RejectionReason.UNKNOWN_UNIT,
            "energy.unit"),
        reading(
            "unknown power unit",
            r -> metric(r, "power", 1, "hp"),
            RejectionReason.UNKNOWN_UNIT,
            "power.unit"),
        reading(
            "power unit in wrong case",
            r -> metric(r, "power", 1, "w"),
            RejectionReason.UNKNOWN_UNIT,
            "power.unit"),
        reading(
            "unknown co2 unit",
            r -> metric(r, "co2", 1, "%"),
            RejectionReason.UNKNOWN_UNIT,
            "co2.unit"),
        reading(
            "unknown temperature unit",
            r -> metric(r, "temperature", 1, "R"),
            RejectionReason.UNKNOWN_UNIT,
            "temperature.unit"),
        reading(
            "unknown humidity unit",
            r -> metric(r, "humidity", 1, "g/m3"),
            RejectionReason.UNKNOWN_UNIT,
            "humidity.unit"),
        reading(
            "unknown voltage unit",
            r -> metric(r, "voltage", 1, "kV"),
            RejectionReason.UNKNOWN_UNIT,
            "voltage.unit"),
        reading(
            "unknown generation unit",
            r -> metric(r, "generation", 1, "J"),
            RejectionReason.UNKNOWN_UNIT,
            "generation.unit"),
        reading(
            "numeric unit",
            r -> r.putObject("power").put("value", 1).put("unit", 1),
            RejectionReason.UNKNOWN_UNIT,
            "power.unit"),
        reading(
            "humidity above 100 %",
            r -> metric(r, "humidity", 100.5, "%"), RejectionReason.OUT_OF_RANGE, "humidity.value"),
        reading(
            "negative humidity",
            r -> metric(r, "humidity", -1, "%"),
            RejectionReason.OUT_OF_RANGE,
            "humidity.value"),
        reading(
            "negative co2",
            r -> metric(r, "co2", -5, "ppm"),
            RejectionReason.OUT_OF_RANGE,
            "co2.value"),
        reading(
            "negative energy",
            r -> metric(r, "energy", -0.1, "kWh"),
            RejectionReason.OUT_OF_RANGE,
            "energy.value"),
        reading(
            "negative generation",
            r -> metric(r, "generation", -1, "Wh"),
            RejectionReason.OUT_OF_RANGE,
            "generation.value"),
        reading(
            "below absolute zero in C",
            r -> metric(r, "temperature", -274, "C"),
            RejectionReason.OUT_OF_RANGE,
            "temperature.value"),
        reading(
            "below absolute zero in K",
            r -> metric(r, "temperature", -1, "K"),
            RejectionReason.OUT_OF_RANGE,
            "temperature.value"),
        reading(
            "negative voltage",
            r -> metric(r, "voltage", -230, "V"),
            RejectionReason.OUT_OF_RANGE,
            "voltage.value"),
        reading(
            "absurd power",
            r -> metric(r, "power", 1e9, "kW"),
            RejectionReason.OUT_OF_RANGE,
            "power.value"),
        reading(
            "no metric at all",
            ReadingParserRejectionTest::removeAllMetrics,
            RejectionReason.NO_METRICS,
            null),
        reading(
            "only null metrics",
            r -> {
              removeAllMetrics(r);
              r.putNull("power");
            },
            RejectionReason.NO_METRICS,
            null));
  }

  private static void removeAllMetrics(ObjectNode r) {
    r.remove(
        java.util.List.of(
            "energy", "power", "co2", "temperature", "humidity", "voltage", "generation"));
  }

  private static Arguments payload(
      String name, String topic, byte[] payload, RejectionReason reason, String field) {
    return Arguments.of(name, topic, payload, reason, field);
  }

  private static Arguments reading(
      String name, Consumer<ObjectNode> change, RejectionReason reason, String field) {
    return Arguments.of(name, TOPIC, bytes(validReading(change)), reason, field);
  }

  @ParameterizedTest(name = "{0} -> {3}")
  @MethodSource("invalidMessages")
  void shouldRejectWithReasonAndField(
      String name, String topic, byte[] payload, RejectionReason reason, String field) {
    ParseResult result = ReadingParser.parse(topic, payload, RECEIVED_AT);

    assertThat(result.readings()).as(name).isEmpty();
    assertThat(result.rejections())
        .as(name)
        .singleElement()
        .satisfies(
            rejection -> {
              assertThat(rejection.reason()).isEqualTo(reason);
              assertThat(rejection.field()).isEqualTo(field);
              assertThat(rejection.batchIndex()).isNull();
              assertThat(rejection.message()).isNotBlank();
            });
  }

  @Test
  void shouldCoverEveryRejectionReason() {
    Set<RejectionReason> covered =
        invalidMessages()
            .map(arguments -> (RejectionReason) arguments.get()[3])
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(RejectionReason.class)));
    Set<RejectionReason> expected = EnumSet.allOf(RejectionReason.class);
    expected.remove(RejectionReason.INTERNAL_ERROR); // only MessageHandler's safety net produces it
    // battery state and acknowledgement codes: covered by DeviceMessageParserTest
    expected.removeAll(DeviceMessageParserTest.DEVICE_ONLY_REASONS);
    assertThat(covered).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void shouldUseUniqueSnakeCaseCodes() {
    Set<String> codes =
        Arrays.stream(RejectionReason.values())
            .map(RejectionReason::code)
            .collect(Collectors.toSet());
    assertThat(codes)
        .hasSize(RejectionReason.values().length)
        .allMatch(code -> code.matches("[a-z0-9_]+"));
  }
}
