package io.voltstream.jobs.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.jobs.alerts.logic.ClockAheadRule;
import io.voltstream.jobs.io.EventTimeLimit;
import io.voltstream.jobs.roommetrics.RoomTestData;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SystemEvent;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClockAheadFunctionTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
  private KeyedOneInputStreamOperatorTestHarness<String, SensorReading, SystemEvent> harness;

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void shouldReportAClockAheadOnceAnHourAndForgetTheSensorAfterwards() throws Exception {
    harness = harness(null);
    send("attic-meter", NOW.plus(TEN_MINUTES));
    send("attic-meter", NOW.plus(TEN_MINUTES).plusSeconds(5));

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo("clock_ahead");
              assertThat(e.sensorId()).isEqualTo("attic-meter");
              assertThat(e.room()).isEqualTo("attic");
              assertThat(e.timestamp()).isEqualTo(NOW);
              assertThat(e.value()).isEqualTo(600.0);
              assertThat(e.threshold()).isEqualTo(120.0);
              assertThat(e.severity()).isEqualTo(SystemEvent.Severity.WARNING);
            });

    harness.setProcessingTime(NOW.plus(ClockAheadRule.REPORT_EVERY).toEpochMilli());
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();

    send("attic-meter", NOW.plus(ClockAheadRule.REPORT_EVERY).plus(TEN_MINUTES));
    assertThat(harness.extractOutputValues()).hasSize(2);
  }

  @Test
  void shouldKeepNoStateForClocksWithinTheTolerance() throws Exception {
    harness = harness(null);
    send("hall-meter", NOW.minusSeconds(1));
    send("hall-meter", NOW.plus(Duration.ofMinutes(2)));
    send("replay-meter", NOW.minus(Duration.ofDays(300)));

    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  void shouldStayQuietAfterARestoreAndStillForgetTheSensorOnTime() throws Exception {
    harness = harness(null);
    send("attic-meter", NOW.plus(TEN_MINUTES));
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.close();

    harness = harness(snapshot);
    send("attic-meter", NOW.plus(TEN_MINUTES).plusSeconds(5));
    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

    harness.setProcessingTime(NOW.plus(ClockAheadRule.REPORT_EVERY).toEpochMilli());
    assertThat(harness.numKeyedStateEntries()).isZero();
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, SensorReading, SystemEvent> harness(
      OperatorSubtaskState restoreFrom) throws Exception {
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(
                new ClockAheadFunction(new EventTimeLimit(Duration.ofMinutes(2)))),
            SensorReading::sensorId,
            Types.STRING);
    h.setup();
    if (restoreFrom != null) {
      h.initializeState(restoreFrom);
    }
    h.open();
    h.setProcessingTime(NOW.toEpochMilli());
    return h;
  }

  private void send(String sensorId, Instant ts) throws Exception {
    String room = sensorId.substring(0, sensorId.indexOf('-'));
    harness.processElement(new StreamRecord<>(RoomTestData.meter(sensorId, room, ts, 0.1, 100)));
  }
}
