package io.voltstream.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.command.CommandAck;
import io.voltstream.model.command.TargetKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeviceMessageParserTest {
  private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
  private static final String STATE = "batteries/bat-1/state";
  private static final String ACKS = "batteries/bat-1/acks";

  static final java.util.Set<RejectionReason> DEVICE_ONLY_REASONS =
      java.util.EnumSet.of(
          RejectionReason.INVALID_MODE,
          RejectionReason.INVALID_COMMAND_ID,
          RejectionReason.INVALID_STATUS);

  @Test
  void coversEveryDeviceOnlyReason() {
    assertThat(rejections().map(a -> (RejectionReason) a.get()[2]).toList())
        .containsAll(DEVICE_ONLY_REASONS);
  }

  private static ParseResult parse(String topic, String json) {
    return DeviceMessageParser.parse(topic, json.getBytes(StandardCharsets.UTF_8), NOW);
  }

  @Test
  void batteryStateBecomesTelemetryWithTheTopicsBatteryId() {
    ParseResult r =
        parse(
            STATE,
            """
            {"soc_percent": 55.5, "power_w": -1200, "capacity_kwh": 10, "max_charge_w": 5000, "max_discharge_w": 5000,
             "soh_percent": 98, "mode": "discharge", "command_id": "c-1", "timestamp": "2026-01-10T11:59:58Z"}\
            """);
    assertThat(r.rejections()).isEmpty();
    assertThat(r.batteryStates())
        .containsExactly(
            new BatteryTelemetry(
                "bat-1",
                Instant.parse("2026-01-10T11:59:58Z"),
                55.5,
                -1200,
                10.0,
                5000.0,
                5000.0,
                98.0,
                "discharge",
                "c-1",
                NOW));
  }

  @Test
  void ackBecomesCommandAckAndTakesArrivalTimeWithoutTimestamp() {
    ParseResult r =
        parse(
            "devices/heat-pump-1/acks",
            """
            {"command_id": "6f1c2b9e-0d1a-4c53-9a8e-2a7f7b3c1d00", "status": "rejected", "reason": "busy"}\
            """);
    assertThat(r.rejections()).isEmpty();
    assertThat(r.acks())
        .containsExactly(
            new CommandAck(
                "6f1c2b9e-0d1a-4c53-9a8e-2a7f7b3c1d00",
                TargetKind.DEVICE,
                "heat-pump-1",
                CommandAck.AckStatus.REJECTED,
                "busy",
                NOW,
                NOW));
  }

  @Test
  void ackKeepsItsOwnTimestamp() {
    ParseResult r =
        parse(ACKS, "{\"command_id\":\"c-1\",\"status\":\"applied\",\"timestamp\":1768046399000}");
    assertThat(r.acks())
        .singleElement()
        .satisfies(
            ack -> {
              assertThat(ack.timestamp()).isEqualTo(Instant.ofEpochMilli(1768046399000L));
              assertThat(ack.status()).isEqualTo(CommandAck.AckStatus.APPLIED);
              assertThat(ack.targetKind()).isEqualTo(TargetKind.BATTERY);
            });
  }

  static Stream<Arguments> rejections() {
    String ok = "\"timestamp\": \"2026-01-10T11:59:58Z\"";
    return Stream.of(
        Arguments.of(
            STATE,
            "{\"soc_percent\": 101, \"power_w\": 0, " + ok + "}",
            RejectionReason.OUT_OF_RANGE,
            "soc_percent"),
        Arguments.of(
            STATE,
            "{\"soc_percent\": -1, \"power_w\": 0, " + ok + "}",
            RejectionReason.OUT_OF_RANGE,
            "soc_percent"),
        Arguments.of(
            STATE, "{\"power_w\": 0, " + ok + "}", RejectionReason.MISSING_FIELD, "soc_percent"),
        Arguments.of(
            STATE,
            "{\"soc_percent\": 50, \"power_w\": 1e400, " + ok + "}",
            RejectionReason.NON_FINITE_VALUE,
            "power_w"),
        Arguments.of(
            STATE,
            "{\"soc_percent\": 50, \"power_w\": 2e7, " + ok + "}",
            RejectionReason.OUT_OF_RANGE,
            "power_w"),
        Arguments.of(
            STATE,
            "{\"soc_percent\": 50, \"power_w\": \"5\", " + ok + "}",
            RejectionReason.INVALID_VALUE,
            "power_w"),
        Arguments.of(
            STATE,
            "{\"soc_percent\": 50, \"power_w\": 0, \"capacity_kwh\": -1, " + ok + "}",
            RejectionReason.OUT_OF_RANGE,
            "capacity_kwh"),
        Arguments.of(
            STATE,
            "{\"soc_percent\": 50, \"power_w\": 0, \"soh_percent\": 120, " + ok + "}",
            RejectionReason.OUT_OF_RANGE,
            "soh_percent"),
        Arguments.of(
            STATE,
            "{\"soc_percent\": 50, \"power_w\": 0, \"mode\": \"turbo\", " + ok + "}",
            RejectionReason.INVALID_MODE,
            "mode"),
        Arguments.of(
            STATE,
            "{\"soc_percent\": 50, \"power_w\": 0, \"command_id\": \"a b\", " + ok + "}",
            RejectionReason.INVALID_COMMAND_ID,
            "command_id"),
        Arguments.of(
            STATE,
            "{\"soc_percent\": 50, \"power_w\": 0}",
            RejectionReason.MISSING_FIELD,
            "timestamp"),
        Arguments.of(
            STATE,
            "{\"soc_percent\": 50, \"power_w\": 0, \"timestamp\": 1700000000}",
            RejectionReason.TIMESTAMP_TOO_OLD,
            "timestamp"),
        Arguments.of(
            STATE,
            "{\"soc_percent\": 50, \"power_w\": 0, \"timestamp\": \"2026-01-12T12:00:00Z\"}",
            RejectionReason.TIMESTAMP_IN_FUTURE,
            "timestamp"),
        Arguments.of(
            STATE,
            "{\"soc_percent\": 50, \"power_w\": 0, \"timestamp\": \"yesterday\"}",
            RejectionReason.INVALID_TIMESTAMP,
            "timestamp"),
        Arguments.of(STATE, "{\"soc_percent\": NaN}", RejectionReason.MALFORMED_JSON, null),
        Arguments.of(
            STATE, "{\"soc_percent\": 1, \"soc_percent\": 2}", RejectionReason.DUPLICATE_KEY, null),
        Arguments.of(STATE, "[{\"soc_percent\": 1}]", RejectionReason.NOT_AN_OBJECT, null),
        Arguments.of(STATE, "{} {}", RejectionReason.MALFORMED_JSON, null),
        Arguments.of(STATE, "", RejectionReason.MALFORMED_JSON, null),
        Arguments.of("batteries/bat 1/state", "{}", RejectionReason.INVALID_TOPIC, null),
        Arguments.of("devices/d-1/state", "{}", RejectionReason.INVALID_TOPIC, null),
        Arguments.of(
            ACKS, "{\"status\": \"applied\"}", RejectionReason.MISSING_FIELD, "command_id"),
        Arguments.of(
            ACKS,
            "{\"command_id\": \"c/1\", \"status\": \"applied\"}",
            RejectionReason.INVALID_COMMAND_ID,
            "command_id"),
        Arguments.of(
            ACKS,
            "{\"command_id\": 7, \"status\": \"applied\"}",
            RejectionReason.INVALID_COMMAND_ID,
            "command_id"),
        Arguments.of(
            ACKS,
            "{\"command_id\": \"c-1\", \"status\": \"done\"}",
            RejectionReason.INVALID_STATUS,
            "status"),
        Arguments.of(ACKS, "{\"command_id\": \"c-1\"}", RejectionReason.MISSING_FIELD, "status"),
        Arguments.of(
            ACKS,
            "{\"command_id\": \"c-1\", \"status\": \"rejected\", \"reason\": 5}",
            RejectionReason.INVALID_VALUE,
            "reason"),
        Arguments.of(
            ACKS,
            "{\"command_id\": \"c-1\", \"status\": \"applied\", \"timestamp\": true}",
            RejectionReason.INVALID_TIMESTAMP,
            "timestamp"));
  }

  @ParameterizedTest(name = "{2} {3}: {1}")
  @MethodSource("rejections")
  void malformedPayloadIsRejectedWithItsReasonAndField(
      String topic, String json, RejectionReason reason, String field) {
    ParseResult r = parse(topic, json);
    assertThat(r.batteryStates()).isEmpty();
    assertThat(r.acks()).isEmpty();
    assertThat(r.rejections())
        .singleElement()
        .satisfies(
            rejection -> {
              assertThat(rejection.reason()).isEqualTo(reason);
              assertThat(rejection.field()).isEqualTo(field);
            });
  }

  @Test
  void invalidUtf8AndOversizeAreRejected() {
    assertThat(
            DeviceMessageParser.parse(STATE, new byte[] {(byte) 0xff, '{', '}'}, NOW).rejections())
        .extracting(Rejection::reason)
        .containsExactly(RejectionReason.INVALID_UTF8);
    assertThat(
            DeviceMessageParser.parse(STATE, new byte[ReadingParser.MAX_PAYLOAD_BYTES + 1], NOW)
                .rejections())
        .extracting(Rejection::reason)
        .containsExactly(RejectionReason.PAYLOAD_TOO_LARGE);
  }
}
