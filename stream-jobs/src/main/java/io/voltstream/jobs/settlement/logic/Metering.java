package io.voltstream.jobs.settlement.logic;

import io.voltstream.energy.finance.MeteredEnergy;
import io.voltstream.energy.finance.PowerSnapshot;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.jobs.dispatch.logic.BatteryReading;
import io.voltstream.jobs.dispatch.logic.SensorPower;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Integrates a building's metered power over an interval in which no sample arrived: every meter's
 * and battery's latest power holds (sample-and-hold) until it is {@code staleAfter} old. The
 * interval is cut at slot boundaries and wherever a meter or battery goes stale, so each piece has
 * constant power and import and export are separated exactly at sample granularity. The building's
 * power is consumption − generation (the dispatch job's {@link SensorPower#split}) + battery
 * charging; a room's is its meters' consumption − generation (batteries belong to the building).
 */
public final class Metering {
  private Metering() {}

  /**
   * Energy to add to one slot.
   *
   * @param slot slot start
   * @param room the room, null for the whole building
   * @param energy what the piece metered
   */
  public record Increment(Instant slot, String room, MeteredEnergy energy) {}

  /** The increments of {@code [from, to)}; empty when nothing was known in it. */
  public static List<Increment> integrate(
      Instant from,
      Instant to,
      Collection<MeterSensor> meters,
      Collection<BatteryReading> batteries,
      Duration staleAfter) {
    List<Increment> out = new ArrayList<>();
    Instant a = from;
    while (a.isBefore(to)) {
      Instant b = min(to, MarketSpec.slotOf(a).plus(MarketSpec.SLOT));
      List<MeterSensor> freshMeters = new ArrayList<>();
      for (MeterSensor m : meters) {
        if (fresh(m.power().at(), a, staleAfter) && !Double.isNaN(m.power().powerW())) {
          freshMeters.add(m);
          b = min(b, m.power().at().plus(staleAfter));
        }
      }
      double chargingW = 0;
      boolean anyBattery = false;
      for (BatteryReading r : batteries) {
        if (fresh(r.at(), a, staleAfter)) {
          chargingW += r.chargingPowerW();
          anyBattery = true;
          b = min(b, r.at().plus(staleAfter));
        }
      }
      Duration piece = Duration.between(a, b);
      Instant slot = MarketSpec.slotOf(a);
      if (!freshMeters.isEmpty() || anyBattery) {
        SensorPower.Split split = split(freshMeters);
        PowerSnapshot building =
            new PowerSnapshot(split.consumptionW(), split.generationW(), chargingW, split.known());
        out.add(new Increment(slot, null, MeteredEnergy.NONE.plus(building, piece)));
      }
      for (Map.Entry<String, List<MeterSensor>> room : byRoom(freshMeters).entrySet()) {
        SensorPower.Split split = split(room.getValue());
        PowerSnapshot power =
            new PowerSnapshot(split.consumptionW(), split.generationW(), 0, split.known());
        out.add(new Increment(slot, room.getKey(), MeteredEnergy.NONE.plus(power, piece)));
      }
      a = b;
    }
    return out;
  }

  private static SensorPower.Split split(List<MeterSensor> meters) {
    return SensorPower.split(meters.stream().map(MeterSensor::power).toList());
  }

  private static Map<String, List<MeterSensor>> byRoom(List<MeterSensor> meters) {
    Map<String, List<MeterSensor>> rooms = new TreeMap<>();
    for (MeterSensor m : meters) {
      rooms.computeIfAbsent(m.room(), r -> new ArrayList<>()).add(m);
    }
    return rooms;
  }

  /** Whether a value measured at {@code at} still holds at {@code now}. */
  private static boolean fresh(Instant at, Instant now, Duration staleAfter) {
    return !at.isAfter(now) && now.isBefore(at.plus(staleAfter));
  }

  private static Instant min(Instant x, Instant y) {
    return x.isBefore(y) ? x : y;
  }
}
