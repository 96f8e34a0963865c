package io.voltstream.api.iot;

import io.voltstream.api.iot.dto.StateCounts;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.device.FlexibilityKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary maths of {@code GET /iot/devices/summary}, pure: a device is {@code on} when its
 * meter's latest power within the freshness window is on by {@link DeviceSpec#isOn}, {@code off}
 * when it does not, {@code unknown} without a fresh reading. Controllable power is the metered
 * power of controllable devices now; curtailable power that of DR-enabled curtailable ones (what a
 * curtailment could remove at once).
 */
public final class DeviceStates {
  private DeviceStates() {}

  /** A meter's latest power and when it was read. */
  public record MeterPower(double powerW, Instant at) {}

  /** on, off or unknown. */
  public enum State {
    ON,
    OFF,
    UNKNOWN;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The summary over {@code devices}.
   *
   * @param byType counts per device type (lower case)
   * @param byRoom counts per room
   */
  public record Summary(
      StateCounts counts,
      Map<String, StateCounts> byType,
      Map<String, StateCounts> byRoom,
      double controllablePowerW,
      double curtailablePowerW) {}

  /** The state of {@code device} given its meter's latest power (null when none). */
  public static State stateOf(
      DeviceSpec device, MeterPower latest, Instant now, Duration freshness) {
    if (!isFresh(latest, now, freshness)) {
      return State.UNKNOWN;
    }
    return device.isOn(latest.powerW()) ? State.ON : State.OFF;
  }

  /** The summary of {@code devices}; {@code latestByMeter} is keyed by meter sensor id. */
  public static Summary summarize(
      Collection<DeviceSpec> devices,
      Map<String, MeterPower> latestByMeter,
      Instant now,
      Duration freshness) {
    StateCounts counts = StateCounts.NONE;
    Map<String, StateCounts> byType = new TreeMap<>();
    Map<String, StateCounts> byRoom = new TreeMap<>();
    double controllableW = 0;
    double curtailableW = 0;
    for (DeviceSpec d : devices) {
      MeterPower latest = latestByMeter.get(d.meterId());
      State state = stateOf(d, latest, now, freshness);
      counts = counts.plus(one(state));
      byType.merge(d.type().name().toLowerCase(Locale.ROOT), one(state), StateCounts::plus);
      byRoom.merge(d.room(), one(state), StateCounts::plus);
      if (!isFresh(latest, now, freshness)) {
        continue;
      }
      double powerW = Math.max(0, latest.powerW());
      if (d.controllable()) {
        controllableW += powerW;
      }
      if (d.drEnabled() && d.flexibility() == FlexibilityKind.CURTAILABLE) {
        curtailableW += powerW;
      }
    }
    return new Summary(counts, byType, byRoom, controllableW, curtailableW);
  }

  private static boolean isFresh(MeterPower latest, Instant now, Duration freshness) {
    return latest != null
        && Double.isFinite(latest.powerW())
        && !latest.at().isBefore(now.minus(freshness));
  }

  private static StateCounts one(State s) {
    return new StateCounts(
        1, s == State.ON ? 1 : 0, s == State.OFF ? 1 : 0, s == State.UNKNOWN ? 1 : 0);
  }
}
