package io.voltstream.jobs.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.SystemEvent;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SensorSilenceFunctionTest {

  private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");
  private static final Duration SILENCE = Duration.ofMinutes(5);
  private KeyedOneInputStreamOperatorTestHarness<String, SensorReading, SystemEvent> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new SensorSilenceFunction(SILENCE), SensorReading::sensorId, Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void shouldReportASensorSilentOnceTheWatermarkPassesLastSeenPlusSilence() throws Exception {
    send("m1", T);
    harness.processWatermark(T.plus(SILENCE).toEpochMilli() - 1);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(T.plus(SILENCE).toEpochMilli());

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo("sensor_silent");
              assertThat(e.sensorId()).isEqualTo("m1");
              assertThat(e.room()).isEqualTo("kitchen");
              assertThat(e.timestamp()).isEqualTo(T.plus(SILENCE));
            });
  }

  @Test
  void shouldMoveTheTimerWhenTheSensorReportsAgain() throws Exception {
    send("m1", T);
    send("m1", T.plusSeconds(200));
    send("m1", T.plusSeconds(100));
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    harness.processWatermark(T.plus(SILENCE).toEpochMilli() + 1000);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(T.plusSeconds(200).plus(SILENCE).toEpochMilli());
    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(e -> assertThat(e.timestamp()).isEqualTo(T.plusSeconds(200).plus(SILENCE)));
  }

  @Test
  void shouldLeaveNoStateOrTimersAfterReportingSilence() throws Exception {
    send("m1", T);
    send("m2", T.plusSeconds(10));
    assertThat(harness.numKeyedStateEntries()).isPositive();

    harness.processWatermark(T.plusSeconds(10).plus(SILENCE).toEpochMilli());

    assertThat(harness.extractOutputValues())
        .extracting(SystemEvent::sensorId)
        .containsExactlyInAnyOrder("m1", "m2");
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  private void send(String sensorId, Instant ts) throws Exception {
    harness.processElement(
        new StreamRecord<>(
            new SensorReading(
                sensorId,
                ts,
                "kitchen",
                SensorType.ENERGY,
                0.1,
                null,
                null,
                null,
                null,
                null,
                null,
                null),
            ts.toEpochMilli()));
  }
}
