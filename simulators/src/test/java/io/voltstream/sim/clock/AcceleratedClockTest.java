package io.voltstream.sim.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AcceleratedClockTest {
  private static final Instant WALL_START = Instant.parse("2026-11-27T10:00:00Z");
  private static final Instant SIM_START = Instant.parse("2026-06-21T00:00:00Z");

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(WALL_START);

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void shouldStartAtTheSimulatedStart() {
    HandClock wall = new HandClock();
    assertThat(AcceleratedClock.of(wall, SIM_START, 60).instant()).isEqualTo(SIM_START);
  }

  @Test
  void shouldRunAccelerationTimesFasterThanTheWallClock() {
    HandClock wall = new HandClock();
    AcceleratedClock sim = AcceleratedClock.of(wall, SIM_START, 60);
    wall.now.set(WALL_START.plusSeconds(90));
    assertThat(sim.instant()).isEqualTo(SIM_START.plus(Duration.ofMinutes(90)));
    assertThat(sim.simulatedDuration(Duration.ofSeconds(5))).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void shouldRunInRealTimeWithAccelerationOne() {
    HandClock wall = new HandClock();
    AcceleratedClock sim = AcceleratedClock.of(wall, SIM_START, 1.0);
    wall.now.set(WALL_START.plusMillis(1234));
    assertThat(sim.instant()).isEqualTo(SIM_START.plusMillis(1234));
  }

  @Test
  void shouldRejectNonPositiveAcceleration() {
    assertThatThrownBy(() -> AcceleratedClock.of(Clock.systemUTC(), SIM_START, 0))
        .hasMessageContaining("acceleration");
  }
}
