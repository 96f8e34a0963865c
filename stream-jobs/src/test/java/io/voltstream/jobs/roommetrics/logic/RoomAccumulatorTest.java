package io.voltstream.jobs.roommetrics.logic;

import static io.voltstream.jobs.roommetrics.RoomTestData.T0;
import static io.voltstream.jobs.roommetrics.RoomTestData.climate;
import static io.voltstream.jobs.roommetrics.RoomTestData.meter;
import static io.voltstream.jobs.roommetrics.RoomTestData.pv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SensorReading;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RoomAccumulatorTest {

  @Test
  void shouldSumEnergyAndAveragePowerOverReadingsThatCarriedThem() {
    RoomAggregate a =
        RoomAccumulator.empty()
            .add(meter("m1", "kitchen", T0, 0.125, 750), "b1")
            .add(meter("m2", "kitchen", T0.plusSeconds(10), 0.25, 1250), "b1")
            .add(climate("c1", "kitchen", T0.plusSeconds(20), 600, 21, 40), "b1")
            .result();

    assertThat(a.energyKwh()).isCloseTo(0.375, within(1e-12));
    assertThat(a.powerAvgW()).isEqualTo(1000.0);
    assertThat(a.powerMaxW()).isEqualTo(1250.0);
    assertThat(a.co2AvgPpm()).isEqualTo(600.0);
    assertThat(a.temperatureAvgC()).isEqualTo(21.0);
    assertThat(a.humidityAvgPercent()).isEqualTo(40.0);
    assertThat(a.sampleCount()).isEqualTo(3);
    assertThat(a.building()).isEqualTo("b1");
  }

  @Test
  void shouldLeaveMetricsNoReadingCarriedNull() {
    RoomAggregate a =
        RoomAccumulator.empty().add(climate("c1", "hall", T0, 500, 20, 50), null).result();

    assertThat(a.energyKwh()).isNull();
    assertThat(a.powerAvgW()).isNull();
    assertThat(a.powerMaxW()).isNull();
    assertThat(a.generationKwh()).isNull();
    assertThat(a.co2AvgPpm()).isEqualTo(500.0);
    assertThat(a.building()).isNull();
  }

  @Test
  void shouldKeepNegativePowerAsMaximumWhenAllReadingsAreNegative() {
    RoomAggregate a =
        RoomAccumulator.empty()
            .add(meter("bat", "garage", T0, 0.0, -300), null)
            .add(meter("bat", "garage", T0.plusSeconds(5), 0.0, -100), null)
            .result();

    assertThat(a.powerMaxW()).isEqualTo(-100.0);
    assertThat(a.powerAvgW()).isEqualTo(-200.0);
  }

  @Test
  void shouldMergeToTheSameResultAsAddingEverythingToOne() {
    var r1 = meter("m1", "k", T0, 0.1, 100);
    var r2 = climate("c1", "k", T0.plusSeconds(1), 800, 22, 45);
    var r3 = pv("pv", "k", T0.plusSeconds(2), 0.05);
    var r4 = meter("m1", "k", T0.plusSeconds(3), 0.2, 300);

    RoomAccumulator all =
        RoomAccumulator.empty().add(r1, "b").add(r2, "b").add(r3, "b").add(r4, "b");
    RoomAccumulator merged =
        RoomAccumulator.empty()
            .add(r1, "b")
            .add(r2, "b")
            .merge(RoomAccumulator.empty().add(r3, "b").add(r4, "b"));

    assertThat(merged.result()).isEqualTo(all.result());
    assertThat(merged.result().generationKwh()).isEqualTo(0.05);
    assertThat(RoomAccumulator.empty().merge(all).result()).isEqualTo(all.result());
  }

  @Test
  void shouldGiveTheSameResultWhateverTheOrderOfTheReadings() {
    // Double sums depend on the order of additions (0.1 + 0.2 + 0.3 != 0.3 + 0.2 + 0.1): a replay
    // or a restart interleaves partitions differently and must still write the same point.
    List<SensorReading> readings = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      readings.add(meter("m" + i % 3, "k", T0.plusSeconds(i), 0.001 * (i + 1) + 0.1, 100.1 + i));
      readings.add(climate("c", "k", T0.plusSeconds(i), 400.3 + i, 20.1 + 0.1 * i, 40.7));
    }
    RoomAggregate inOrder = addAll(readings);
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      Collections.shuffle(readings, random);
      assertThat(addAll(readings)).isEqualTo(inOrder);
    }
    assertThat(0.1 + 0.2 + 0.3).as("the order matters for doubles").isNotEqualTo(0.3 + 0.2 + 0.1);
  }

  @Test
  void shouldTakeTheBuildingOfTheLatestReadingInEventTimeNotInArrival() {
    var early = meter("m1", "hall", T0, 0.1, 100);
    var late = meter("m1", "hall", T0.plusSeconds(30), 0.1, 100);

    assertThat(RoomAccumulator.empty().add(late, "annex").add(early, "hq").result().building())
        .isEqualTo("annex");
    assertThat(RoomAccumulator.empty().add(early, "hq").add(late, "annex").result().building())
        .isEqualTo("annex");
    assertThat(RoomAccumulator.empty().add(early, "hq").add(early, "annex").result().building())
        .as("a tie goes to the greater id, whatever the order")
        .isEqualTo(
            RoomAccumulator.empty().add(early, "annex").add(early, "hq").result().building());
  }

  private static RoomAggregate addAll(List<SensorReading> readings) {
    RoomAccumulator acc = RoomAccumulator.empty();
    for (SensorReading r : readings) {
      acc = acc.add(r, "b");
    }
    return acc.result();
  }

  @Test
  void shouldUseDefaultBuildingAndWindowBoundsInMetrics() {
    RoomMetrics m =
        RoomAccumulator.empty()
            .add(meter("m1", "k", T0, 1.0, 10), null)
            .result()
            .toMetrics("k", T0, T0.plusSeconds(60));

    assertThat(m.building()).isEqualTo("default");
    assertThat(m.room()).isEqualTo("k");
    assertThat(m.windowStart()).isEqualTo(T0);
    assertThat(m.windowEnd()).isEqualTo(T0.plusSeconds(60));
    assertThat(m.sampleCount()).isEqualTo(1);
  }

  @Test
  void shouldReportZeroSamplesAndAllNullsForAnEmptyWindow() {
    RoomAggregate a = RoomAccumulator.empty().result();
    assertThat(a.sampleCount()).isZero();
    assertThat(a.energyKwh()).isNull();
    assertThat(a.powerMaxW()).isNull();
  }
}
