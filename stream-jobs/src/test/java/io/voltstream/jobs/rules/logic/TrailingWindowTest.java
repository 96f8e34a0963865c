package io.voltstream.jobs.rules.logic;

import static io.voltstream.jobs.rules.logic.RulesTestData.co2;
import static io.voltstream.jobs.rules.logic.RulesTestData.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.jobs.roommetrics.logic.RoomReading;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.rules.RuleCondition.Aggregate;
import io.voltstream.model.rules.RuleCondition.Metric;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TrailingWindowTest {
  private static final Duration W = Duration.ofSeconds(60);

  private final List<RuleSample> samples =
      List.of(
          co2("office", "a", t(0), 400), // out: the window is (end − 60 s, end]
          co2("office", "a", t(10), 900),
          co2("office", "b", t(30), 1200),
          co2("office", "a", t(60), 1500),
          co2("office", "b", t(61), 5000)); // after the end

  @Test
  void shouldAggregateEverySensorsReadingsInTheHalfOpenWindow() {
    assertThat(TrailingWindow.aggregate(samples, Metric.CO2, Aggregate.AVG, t(60), W))
        .isEqualTo(OptionalDouble.of((900 + 1200 + 1500) / 3.0));
    assertThat(TrailingWindow.aggregate(samples, Metric.CO2, Aggregate.MIN, t(60), W))
        .isEqualTo(OptionalDouble.of(900));
    assertThat(TrailingWindow.aggregate(samples, Metric.CO2, Aggregate.MAX, t(60), W))
        .isEqualTo(OptionalDouble.of(1500));
  }

  @Test
  void shouldBeEmptyWithoutTheMetricInTheWindow() {
    assertThat(TrailingWindow.aggregate(samples, Metric.TEMPERATURE, Aggregate.AVG, t(60), W))
        .isEmpty();
    assertThat(TrailingWindow.aggregate(samples, Metric.CO2, Aggregate.AVG, t(200), W)).isEmpty();
  }

  @Test
  void shouldRetainOnlySamplesThatCanStillBeInAWindow() {
    assertThat(TrailingWindow.retained(samples.get(0), t(60), W)).isFalse();
    assertThat(TrailingWindow.retained(samples.get(1), t(60), W)).isTrue();
  }

  @Test
  void shouldMakeARoomAndASensorSampleOfAReadingWithAWatchableMetric() {
    SensorReading r =
        new SensorReading(
            "office-co2",
            t(5),
            "garage",
            SensorType.CO2,
            null,
            null,
            950.0,
            21.0,
            null,
            null,
            null,
            t(6));
    List<RuleSample> out = RuleSample.of(new RoomReading("office", "demo", r.withRoom("office")));
    assertThat(out)
        .extracting(RuleSample::subject)
        .containsExactly("room:office", "sensor:office-co2");
    assertThat(out.get(0).value(Metric.CO2)).isEqualTo(950.0);
    assertThat(out.get(0).value(Metric.TEMPERATURE)).isEqualTo(21.0);
    assertThat(out.get(0).value(Metric.POWER)).isNull();
    SensorReading energyOnly =
        new SensorReading(
            "m", t(5), null, SensorType.ENERGY, 0.1, null, null, null, null, null, null, t(6));
    assertThat(RuleSample.of(new RoomReading("office", "demo", energyOnly))).isEmpty();
  }
}
