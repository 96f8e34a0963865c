package io.voltstream.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarksWithIdleness;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.clock.ManualClock;
import org.apache.flink.util.clock.RelativeClock;
import org.junit.jupiter.api.Test;

/**
 * The watermark generator of every event-time input: a reading stamped more than the tolerance
 * ahead of the wall clock neither advances the watermark nor keeps the partition active; every
 * other reading behaves as with Flink's bounded out-of-orderness + idleness.
 */
class PlausibleTimeWatermarksTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(10);
  private static final Duration IDLENESS = Duration.ofSeconds(30);
  private static final Duration MAX_AHEAD = Duration.ofMinutes(2);

  private final ManualClock wall = new ManualClock(NOW.toEpochMilli() * 1_000_000L); // ns
  // Flink's idleness timer reads 0 ns as "not started": start the relative clock elsewhere.
  private final ManualClock activity = new ManualClock(Duration.ofHours(1).toNanos());
  private final SimpleCounter aheadOfClock = new SimpleCounter();
  private final RecordingOutput out = new RecordingOutput();
  private final WatermarkGenerator<String> generator =
      new PlausibleTimeWatermarks<>(
          new WatermarksWithIdleness<>(
              new BoundedOutOfOrdernessWatermarks<>(OUT_OF_ORDERNESS), IDLENESS, activity),
          new EventTimeLimit(MAX_AHEAD),
          wall,
          aheadOfClock);

  @Test
  void shouldAdvanceTheWatermarkWithReadingsAtOrBehindTheClock() {
    event(NOW.minusSeconds(1));
    generator.onPeriodicEmit(out);

    assertThat(out.watermark).isEqualTo(watermarkAfter(NOW.minusSeconds(1)));
    assertThat(aheadOfClock.getCount()).isZero();
  }

  @Test
  void shouldIgnoreAReadingFarAheadOfTheClockForTheWatermarkAndCountIt() {
    event(NOW.minusSeconds(1));
    event(NOW.plus(Duration.ofMinutes(10)));
    event(NOW);
    generator.onPeriodicEmit(out);

    assertThat(out.watermark).isEqualTo(watermarkAfter(NOW));
    assertThat(aheadOfClock.getCount()).isEqualTo(1);
  }

  @Test
  void shouldAcceptAClockAheadByNoMoreThanTheTolerance() {
    event(NOW.plus(MAX_AHEAD));
    generator.onPeriodicEmit(out);

    assertThat(out.watermark).isEqualTo(watermarkAfter(NOW.plus(MAX_AHEAD)));
    assertThat(aheadOfClock.getCount()).isZero();
  }

  @Test
  void shouldJudgeAheadAgainstTheWallClockAsItMoves() {
    Instant tenMinutesAhead = NOW.plus(Duration.ofMinutes(10));
    event(tenMinutesAhead);
    wall.advanceTime(Duration.ofMinutes(9));
    event(tenMinutesAhead.plusSeconds(1));
    generator.onPeriodicEmit(out);

    // Once real time has (nearly) caught up, the same clock's readings are plausible again.
    assertThat(out.watermark).isEqualTo(watermarkAfter(tenMinutesAhead.plusSeconds(1)));
    assertThat(aheadOfClock.getCount()).isEqualTo(1);
  }

  @Test
  void shouldLetReplayedReadingsFromLongAgoAdvanceTheWatermark() {
    Instant lastYear = NOW.minus(Duration.ofDays(365));
    event(lastYear);
    generator.onPeriodicEmit(out);

    assertThat(out.watermark).isEqualTo(watermarkAfter(lastYear));
  }

  @Test
  void shouldStillMarkASilentPartitionIdleAndWakeItOnTheNextReading() {
    event(NOW);
    generator.onPeriodicEmit(out);
    generator.onPeriodicEmit(out); // the first emit without activity starts the idleness timer
    activity.advanceTime(IDLENESS.plusSeconds(1));
    generator.onPeriodicEmit(out);
    assertThat(out.idle).isTrue();

    event(NOW.plusSeconds(31));
    generator.onPeriodicEmit(out);
    assertThat(out.idle).isFalse();
    assertThat(out.watermark).isEqualTo(watermarkAfter(NOW.plusSeconds(31)));
  }

  @Test
  void shouldNotKeepAPartitionActiveWithReadingsAheadOfTheClockOnly() {
    event(NOW);
    generator.onPeriodicEmit(out);
    for (int i = 1; i <= 40; i++) {
      activity.advanceTime(Duration.ofSeconds(1));
      event(NOW.plus(Duration.ofMinutes(10)).plusSeconds(i));
      generator.onPeriodicEmit(out);
    }

    // Otherwise this partition would hold every other partition's watermark at NOW − 10 s.
    assertThat(out.idle).isTrue();
    assertThat(out.watermark).isEqualTo(watermarkAfter(NOW));
    assertThat(aheadOfClock.getCount()).isEqualTo(40);
  }

  @Test
  void shouldBuildTheSameChainFromTheStrategyOnTheSystemClockWithOneCounterPerSubtask() {
    CountingGroup metrics = new CountingGroup();
    var strategy = EventTimeWatermarks.<Instant>of(OUT_OF_ORDERNESS, IDLENESS, MAX_AHEAD, t -> t);
    WatermarkGenerator<Instant> partition0 = strategy.createWatermarkGenerator(context(metrics));
    WatermarkGenerator<Instant> partition1 = strategy.createWatermarkGenerator(context(metrics));
    Instant now = Instant.now();
    RecordingOutput out0 = new RecordingOutput();

    partition0.onEvent(now, now.toEpochMilli(), out0);
    Instant ahead = now.plus(Duration.ofMinutes(10));
    partition0.onEvent(ahead, ahead.toEpochMilli(), out0);
    partition1.onEvent(ahead, ahead.toEpochMilli(), new RecordingOutput());
    partition0.onPeriodicEmit(out0);

    assertThat(out0.watermark).isEqualTo(watermarkAfter(now));
    assertThat(metrics.counters).containsOnlyKeys(EventTimeWatermarks.AHEAD_OF_CLOCK_METRIC);
    assertThat(metrics.counters.get(EventTimeWatermarks.AHEAD_OF_CLOCK_METRIC).getCount())
        .isEqualTo(2);
  }

  private void event(Instant eventTime) {
    generator.onEvent("r", eventTime.toEpochMilli(), out);
  }

  private static long watermarkAfter(Instant newest) {
    return newest.minus(OUT_OF_ORDERNESS).toEpochMilli() - 1;
  }

  private static WatermarkGeneratorSupplier.Context context(MetricGroup metrics) {
    RelativeClock clock = new ManualClock(Duration.ofHours(1).toNanos());
    return new WatermarkGeneratorSupplier.Context() {
      @Override
      public MetricGroup getMetricGroup() {
        return metrics;
      }

      @Override
      public RelativeClock getInputActivityClock() {
        return clock;
      }
    };
  }

  /** Keeps the last watermark and whether the output is idle. */
  private static final class RecordingOutput implements WatermarkOutput {
    Long watermark;
    boolean idle;

    @Override
    public void emitWatermark(Watermark w) {
      watermark = w.getTimestamp();
      idle = false;
    }

    @Override
    public void markIdle() {
      idle = true;
    }

    @Override
    public void markActive() {
      idle = false;
    }
  }

  /** A metric group that refuses a second registration of a name, as Flink's does. */
  private static final class CountingGroup extends UnregisteredMetricsGroup {
    final Map<String, Counter> counters = new HashMap<>();

    @Override
    public Counter counter(String name) {
      if (counters.containsKey(name)) {
        throw new AssertionError("counter " + name + " registered twice");
      }
      Counter c = new SimpleCounter();
      counters.put(name, c);
      return c;
    }
  }
}
