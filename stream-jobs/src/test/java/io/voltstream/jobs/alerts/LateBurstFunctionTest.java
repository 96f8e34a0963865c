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

class LateBurstFunctionTest {

  private static final Instant MINUTE = Instant.parse("2026-01-05T10:00:00Z");
  private static final Duration GRACE = Duration.ofSeconds(70);
  private KeyedOneInputStreamOperatorTestHarness<String, SensorReading, SystemEvent> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new LateBurstFunction(2, GRACE), LateBurstFunction::key, Types.STRING);
    harness.setProcessingTime(1_000);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void shouldRaiseABurstWhenAMinuteHasMoreLateReadingsThanTheThreshold() throws Exception {
    for (int i = 0; i < 3; i++) {
      send("kitchen", MINUTE.plusSeconds(10 + i));
    }
    harness.setProcessingTime(1_000 + GRACE.toMillis() - 1);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.setProcessingTime(1_000 + GRACE.toMillis());

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo("late_data_burst");
              assertThat(e.room()).isEqualTo("kitchen");
              assertThat(e.timestamp()).isEqualTo(MINUTE);
              assertThat(e.value()).isEqualTo(3.0);
            });
  }

  @Test
  void shouldCountRoomsAndMinutesSeparately() throws Exception {
    send("kitchen", MINUTE.plusSeconds(1));
    send("kitchen", MINUTE.plusSeconds(2));
    send("hall", MINUTE.plusSeconds(3));
    send("kitchen", MINUTE.plusSeconds(61));

    harness.setProcessingTime(10_000_000);

    assertThat(harness.extractOutputValues()).isEmpty();
  }

  @Test
  void shouldLeaveNoStateOrTimersAfterJudgingAMinute() throws Exception {
    for (int i = 0; i < 5; i++) {
      send("kitchen", MINUTE.plusSeconds(i));
    }
    send("hall", MINUTE.plusSeconds(5));
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(2);

    harness.setProcessingTime(10_000_000);

    assertThat(harness.extractOutputValues()).hasSize(1);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  private void send(String room, Instant ingestedAt) throws Exception {
    harness.processElement(
        new StreamRecord<>(
            new SensorReading(
                "m1",
                ingestedAt.minusSeconds(600),
                room,
                SensorType.ENERGY,
                0.1,
                null,
                null,
                null,
                null,
                null,
                null,
                ingestedAt)));
  }
}
