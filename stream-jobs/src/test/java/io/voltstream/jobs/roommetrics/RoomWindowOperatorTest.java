package io.voltstream.jobs.roommetrics;

import static io.voltstream.jobs.roommetrics.RoomTestData.T0;
import static io.voltstream.jobs.roommetrics.RoomTestData.atSeconds;
import static io.voltstream.jobs.roommetrics.RoomTestData.climate;
import static io.voltstream.jobs.roommetrics.RoomTestData.meter;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.jobs.roommetrics.logic.RoomReading;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SensorReading;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The job's real window operator (taken from the built topology) driven by a keyed harness. */
class RoomWindowOperatorTest {

  private static final long MINUTE = 60_000;
  private KeyedOneInputStreamOperatorTestHarness<String, RoomReading, RoomMetrics> harness;

  @AfterEach
  void tearDown() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void shouldFireTheWindowOnlyWhenTheWatermarkPassesItsEnd() throws Exception {
    open(Duration.ZERO);
    send(meter("m1", "kitchen", atSeconds(5), 0.125, 500), "hq");
    send(meter("m2", "kitchen", atSeconds(30), 0.25, 1500), "hq");
    send(climate("c1", "kitchen", atSeconds(59), 700, 22, 40), "hq");

    harness.processWatermark(T0.toEpochMilli() + MINUTE - 2);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(T0.toEpochMilli() + MINUTE - 1);
    assertThat(harness.extractOutputValues())
        .containsExactly(
            new RoomMetrics(
                "kitchen",
                "hq",
                T0,
                T0.plusSeconds(60),
                0.375,
                1000.0,
                1500.0,
                700.0,
                22.0,
                40.0,
                null,
                3));
  }

  @Test
  void shouldSendReadingsOfAFiredWindowToTheLateSideOutput() throws Exception {
    open(Duration.ZERO);
    send(meter("m1", "kitchen", atSeconds(5), 0.1, 500), "hq");
    harness.processWatermark(T0.toEpochMilli() + MINUTE + 10_000);
    SensorReading late = meter("m1", "kitchen", atSeconds(50), 0.4, 900);
    send(late, "hq");

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(m -> assertThat(m.sampleCount()).isEqualTo(1));
    assertThat(harness.getSideOutput(RoomAggregationJob.LATE_READINGS))
        .singleElement()
        .satisfies(r -> assertThat(r.getValue().reading()).isEqualTo(late));
  }

  @Test
  void shouldKeepOneWindowPerRoomAndMinute() throws Exception {
    open(Duration.ZERO);
    send(meter("m1", "kitchen", atSeconds(5), 0.1, 100), "hq");
    send(meter("m2", "hall", atSeconds(6), 0.2, 200), "hq");
    send(meter("m1", "kitchen", atSeconds(65), 0.3, 300), "hq");

    harness.processWatermark(T0.toEpochMilli() + 2 * MINUTE);

    assertThat(harness.extractOutputValues())
        .extracting(RoomMetrics::room, RoomMetrics::windowStart, RoomMetrics::energyKwh)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("kitchen", T0, 0.1),
            org.assertj.core.groups.Tuple.tuple("hall", T0, 0.2),
            org.assertj.core.groups.Tuple.tuple("kitchen", T0.plusSeconds(60), 0.3));
  }

  @Test
  void shouldLeaveNoStateOrTimersAfterTheWindowsFired() throws Exception {
    open(Duration.ZERO);
    send(meter("m1", "kitchen", atSeconds(5), 0.1, 100), "hq");
    send(meter("m2", "hall", atSeconds(70), 0.2, 200), "hq");
    assertThat(harness.numKeyedStateEntries()).isPositive();
    assertThat(harness.numEventTimeTimers()).isEqualTo(2);

    harness.processWatermark(T0.toEpochMilli() + 3 * MINUTE);

    assertThat(harness.extractOutputValues()).hasSize(2);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void shouldReEmitAnUpdatedAggregateWithinAllowedLatenessAndCleanUpAfterIt() throws Exception {
    open(Duration.ofSeconds(30));
    send(meter("m1", "kitchen", atSeconds(5), 0.1, 100), "hq");
    harness.processWatermark(T0.toEpochMilli() + MINUTE + 10_000);
    send(meter("m1", "kitchen", atSeconds(50), 0.2, 300), "hq");

    assertThat(harness.extractOutputValues())
        .extracting(RoomMetrics::sampleCount)
        .containsExactly(1L, 2L);
    assertThat(harness.getSideOutput(RoomAggregationJob.LATE_READINGS)).isNullOrEmpty();

    harness.processWatermark(T0.toEpochMilli() + MINUTE + 30_000);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  private void send(SensorReading r, String building) throws Exception {
    harness.processElement(
        new StreamRecord<>(new RoomReading(r.room(), building, r), r.timestamp().toEpochMilli()));
  }

  @SuppressWarnings("unchecked")
  private void open(Duration allowedLateness) throws Exception {
    var cfg =
        new RoomAggregationJobConfig(
            Duration.ofMinutes(1),
            Duration.ZERO,
            Duration.ofSeconds(30),
            allowedLateness,
            Duration.ofMinutes(2));
    var env = StreamExecutionEnvironment.getExecutionEnvironment();
    DataStream<RoomReading> in =
        env.fromData(
            TypeInformation.of(RoomReading.class),
            new RoomReading("x", "b", meter("x", "x", Instant.EPOCH, 0, 0)));
    var transformation =
        (OneInputTransformation<RoomReading, RoomMetrics>)
            RoomAggregationJob.aggregateWindows(in, cfg).getTransformation();
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            transformation.getOperatorFactory(), RoomReading::room, Types.STRING);
    harness.open();
  }
}
