package io.voltstream.ingest.mapping;

import static io.voltstream.ingest.mapping.ReadingTestData.MEASURED_AT;
import static io.voltstream.ingest.mapping.ReadingTestData.RECEIVED_AT;
import static io.voltstream.ingest.mapping.ReadingTestData.SENSOR_ID;
import static io.voltstream.ingest.mapping.ReadingTestData.TOPIC;
import static io.voltstream.ingest.mapping.ReadingTestData.batch;
import static io.voltstream.ingest.mapping.ReadingTestData.bytes;
import static io.voltstream.ingest.mapping.ReadingTestData.metric;
import static io.voltstream.ingest.mapping.ReadingTestData.minimalReading;
import static io.voltstream.ingest.mapping.ReadingTestData.utf8;
import static io.voltstream.ingest.mapping.ReadingTestData.validReading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Accepted payloads: normalisation, optional fields and batches. */
class ReadingParserTest {

  private static SensorReading single(ParseResult result) {
    assertThat(result.rejections()).isEmpty();
    assertThat(result.readings()).hasSize(1);
    return result.readings().get(0);
  }

  @Test
  void shouldMapTheDesignExampleReading() {
    SensorReading reading = single(ReadingParser.parse(TOPIC, bytes(validReading()), RECEIVED_AT));

    assertThat(reading)
        .isEqualTo(
            new SensorReading(
                SENSOR_ID,
                MEASURED_AT,
                "kitchen",
                SensorType.MULTI,
                0.125,
                750.0,
                640.0,
                21.4,
                41.0,
                230.1,
                0.05,
                RECEIVED_AT));
    assertThat(reading.metricCount()).isEqualTo(7);
  }

  @Test
  void shouldStampIngestedAtWithTheArrivalTime() {
    Instant arrival = RECEIVED_AT.plusSeconds(42);
    assertThat(single(ReadingParser.parse(TOPIC, bytes(minimalReading()), arrival)).ingestedAt())
        .isEqualTo(arrival);
  }

  static Stream<Arguments> unitConversions() {
    return Stream.of(
        Arguments.of(
            "energy",
            1500.0,
            "Wh",
            1.5,
            (Function<SensorReading, Double>) SensorReading::energyKwh),
        Arguments.of(
            "energy", 0.2, "kWh", 0.2, (Function<SensorReading, Double>) SensorReading::energyKwh),
        Arguments.of(
            "generation",
            250.0,
            "Wh",
            0.25,
            (Function<SensorReading, Double>) SensorReading::generationKwh),
        Arguments.of(
            "generation",
            3.0,
            "kWh",
            3.0,
            (Function<SensorReading, Double>) SensorReading::generationKwh),
        Arguments.of(
            "power", 1.2, "kW", 1200.0, (Function<SensorReading, Double>) SensorReading::powerW),
        Arguments.of(
            "power", -500.0, "W", -500.0, (Function<SensorReading, Double>) SensorReading::powerW),
        Arguments.of(
            "temperature",
            68.0,
            "F",
            20.0,
            (Function<SensorReading, Double>) SensorReading::temperatureC),
        Arguments.of(
            "temperature",
            68.0,
            "°F",
            20.0,
            (Function<SensorReading, Double>) SensorReading::temperatureC),
        Arguments.of(
            "temperature",
            293.15,
            "K",
            20.0,
            (Function<SensorReading, Double>) SensorReading::temperatureC),
        Arguments.of(
            "temperature",
            0.0,
            "K",
            -273.15,
            (Function<SensorReading, Double>) SensorReading::temperatureC),
        Arguments.of(
            "temperature",
            -12.5,
            "°C",
            -12.5,
            (Function<SensorReading, Double>) SensorReading::temperatureC),
        Arguments.of(
            "co2", 420.0, "ppm", 420.0, (Function<SensorReading, Double>) SensorReading::co2Ppm),
        Arguments.of(
            "humidity",
            100.0,
            "%",
            100.0,
            (Function<SensorReading, Double>) SensorReading::humidityPercent),
        Arguments.of(
            "voltage", 0.0, "V", 0.0, (Function<SensorReading, Double>) SensorReading::voltageV));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("unitConversions")
  void shouldNormaliseUnits(
      String field,
      double value,
      String unit,
      double expected,
      Function<SensorReading, Double> getter) {
    ObjectNode node = minimalReading();
    node.remove("power");
    metric(node, field, value, unit);

    SensorReading reading = single(ReadingParser.parse(TOPIC, bytes(node), RECEIVED_AT));

    assertThat(getter.apply(reading)).isCloseTo(expected, within(1e-9));
    assertThat(reading.metricCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-11-27T00:00:00Z",
        "2025-11-27T01:00:00+01:00",
        "2025-11-27T00:00:00.000Z",
        "2025-11-26T19:00:00-05:00"
      })
  void shouldAcceptIsoTimestampsWithOffset(String iso) {
    ObjectNode node = minimalReading();
    node.put("timestamp", iso);
    assertThat(single(ReadingParser.parse(TOPIC, bytes(node), RECEIVED_AT)).timestamp())
        .isEqualTo(MEASURED_AT);
  }

  @Test
  void shouldAcceptTimestampExactly24HoursAhead() {
    Instant limit = RECEIVED_AT.plus(Duration.ofHours(24));
    ObjectNode node = minimalReading();
    node.put("timestamp", limit.toEpochMilli());
    assertThat(single(ReadingParser.parse(TOPIC, bytes(node), RECEIVED_AT)).timestamp())
        .isEqualTo(limit);
  }

  @ParameterizedTest
  @EnumSource(SensorType.class)
  void shouldAcceptEveryKnownSensorType(SensorType type) {
    ObjectNode node = minimalReading();
    node.put("sensor_type", type.wireName().toUpperCase(java.util.Locale.ROOT));
    assertThat(single(ReadingParser.parse(TOPIC, bytes(node), RECEIVED_AT)).sensorType())
        .isEqualTo(type);
  }

  @Test
  void shouldTreatRoomAsOptional() {
    ObjectNode withNullRoom = minimalReading();
    withNullRoom.putNull("room");

    assertThat(single(ReadingParser.parse(TOPIC, bytes(minimalReading()), RECEIVED_AT)).room())
        .isNull();
    assertThat(single(ReadingParser.parse(TOPIC, bytes(withNullRoom), RECEIVED_AT)).room())
        .isNull();
  }

  @Test
  void shouldIgnoreUnknownFieldsAndNullMetrics() {
    ObjectNode node = minimalReading();
    node.put("firmware", "1.2.3");
    node.putNull("co2");
    node.putObject("power").put("value", 5).put("unit", "W").put("accuracy", 0.01);

    SensorReading reading = single(ReadingParser.parse(TOPIC, bytes(node), RECEIVED_AT));

    assertThat(reading.powerW()).isEqualTo(5.0);
    assertThat(reading.co2Ppm()).isNull();
  }

  @Test
  void shouldAcceptPayloadOfExactly64KiB() {
    String json = minimalReading().toString();
    byte[] payload = utf8(json + " ".repeat(ReadingParser.MAX_PAYLOAD_BYTES - json.length()));
    assertThat(payload).hasSize(64 * 1024);

    single(ReadingParser.parse(TOPIC, payload, RECEIVED_AT));
  }

  @Test
  void shouldAcceptNonAsciiUtf8InUnknownFields() {
    ObjectNode node = minimalReading();
    node.put("label", "Küche °C ✓");
    single(ReadingParser.parse(TOPIC, bytes(node), RECEIVED_AT));
  }

  @Test
  void shouldKeepGoodElementsOfAMixedBatchAndIndexTheBadOnes() {
    ObjectNode good0 = minimalReading();
    ObjectNode bad1 = minimalReading();
    metric(bad1, "power", 1, "horsepower");
    ObjectNode good2 = validReading();
    good2.put("timestamp", MEASURED_AT.plusSeconds(10).toEpochMilli());
    String payload = "[" + good0 + ",\n  " + bad1 + ", 17, " + good2 + "]";

    ParseResult result = ReadingParser.parse(TOPIC, utf8(payload), RECEIVED_AT);

    assertThat(result.readings())
        .extracting(SensorReading::timestamp)
        .containsExactly(MEASURED_AT, MEASURED_AT.plusSeconds(10));
    assertThat(result.rejections()).hasSize(2);
    Rejection unit = result.rejections().get(0);
    assertThat(unit.reason()).isEqualTo(RejectionReason.UNKNOWN_UNIT);
    assertThat(unit.field()).isEqualTo("power.unit");
    assertThat(unit.batchIndex()).isEqualTo(1);
    assertThat(unit.elementJson()).isEqualTo(bad1.toString());
    Rejection scalar = result.rejections().get(1);
    assertThat(scalar.reason()).isEqualTo(RejectionReason.NOT_AN_OBJECT);
    assertThat(scalar.batchIndex()).isEqualTo(2);
    assertThat(scalar.elementJson()).isEqualTo("17");
    assertThat(result.recordCount()).isEqualTo(4);
  }

  @Test
  void shouldRejectEveryElementOfAnAllBadBatchIndividually() {
    ObjectNode wrongSensor = minimalReading();
    wrongSensor.put("sensor_id", "other");
    ObjectNode noMetric = minimalReading();
    noMetric.remove("power");

    ParseResult result =
        ReadingParser.parse(TOPIC, bytes(batch(wrongSensor, noMetric)), RECEIVED_AT);

    assertThat(result.readings()).isEmpty();
    assertThat(result.rejections())
        .extracting(Rejection::reason, Rejection::batchIndex)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(RejectionReason.SENSOR_ID_MISMATCH, 0),
            org.assertj.core.groups.Tuple.tuple(RejectionReason.NO_METRICS, 1));
  }

  @Test
  void shouldRejectOnlyTheElementWithADuplicateKeyInABatch() {
    // found by IngestFuzzITCase: a repeated key in one element rejected the whole batch, losing
    // its valid readings; the key makes that element ambiguous, not the array
    ObjectNode good0 = minimalReading();
    ObjectNode good2 = minimalReading();
    good2.put("timestamp", MEASURED_AT.plusSeconds(2).toEpochMilli());
    String dup = "{\"sensor_id\": \"" + SENSOR_ID + "\", \"sensor_id\": \"x\"}";
    String payload = "[" + good0 + ", " + dup + " ,\n" + good2 + "]";

    ParseResult result = ReadingParser.parse(TOPIC, utf8(payload), RECEIVED_AT);

    assertThat(result.readings())
        .extracting(SensorReading::timestamp)
        .containsExactly(MEASURED_AT, MEASURED_AT.plusSeconds(2));
    assertThat(result.rejections()).hasSize(1);
    Rejection rejection = result.rejections().get(0);
    assertThat(rejection.reason()).isEqualTo(RejectionReason.DUPLICATE_KEY);
    assertThat(rejection.batchIndex()).isEqualTo(1);
    assertThat(rejection.field()).isEqualTo("sensor_id");
    assertThat(rejection.elementJson()).isEqualTo(dup);
  }

  @Test
  void shouldRejectAWholeBatchWhoseJsonIsBroken() {
    String payload = "[" + minimalReading() + ", {\"sensor_id\": ]";

    ParseResult result = ReadingParser.parse(TOPIC, utf8(payload), RECEIVED_AT);

    assertThat(result.readings()).isEmpty();
    assertThat(result.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
              assertThat(r.batchIndex()).isNull();
              assertThat(r.elementJson()).isNull();
            });
  }

  @Test
  void shouldAcceptABatchOfManyReadings() {
    ObjectNode[] readings = new ObjectNode[200];
    for (int i = 0; i < readings.length; i++) {
      readings[i] = minimalReading();
      readings[i].put("timestamp", MEASURED_AT.plusSeconds(i).toEpochMilli());
    }
    ParseResult result = ReadingParser.parse(TOPIC, bytes(batch(readings)), RECEIVED_AT);

    assertThat(result.rejections()).isEmpty();
    assertThat(result.readings())
        .hasSize(200)
        .extracting(SensorReading::readingId)
        .doesNotHaveDuplicates();
  }
}
