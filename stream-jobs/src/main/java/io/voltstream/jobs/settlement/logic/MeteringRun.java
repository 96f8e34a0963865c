package io.voltstream.jobs.settlement.logic;

import io.voltstream.energy.finance.MeteredEnergy;
import io.voltstream.energy.finance.PowerSnapshot;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.jobs.dispatch.logic.BatteryReading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * {@link Metering#integrate} made incremental for one flush of one building: the same
 * sample-and-hold integration, cut at slot boundaries and where a meter or battery goes stale, but
 * with running sums of consumption, generation and known meters per building and per room (and of
 * battery charging), updated when one meter or battery changes. A change costs O(log meters)
 * instead of O(meters): staleness instants wait in a priority queue, and a room's piece is only
 * integrated when its power changes, at a slot boundary or at {@link #finish} (constant power over
 * consecutive pieces integrates to the same energy, up to rounding).
 *
 * <p>The sums are built from scratch when a run starts (one run per flush), and reset to exactly 0
 * whenever their last contributor leaves, so subtract/add rounding cannot accumulate beyond a
 * flush. Changes must happen in event-time order at the run's cursor: {@link #advanceTo} first,
 * then {@link #meter}/{@link #battery} with values measured at or before the cursor (as the
 * settlement function applies its samples).
 */
public final class MeteringRun {
  private final Duration staleAfter;
  private final PriorityQueue<Expiry> expiries = new PriorityQueue<>();
  private final Map<String, MeterSensor> countedMeters = new HashMap<>();
  private final Map<String, BatteryReading> countedBatteries = new HashMap<>();
  private final Piece building;
  private final Map<String, Piece> rooms = new HashMap<>();
  private final Map<Instant, MeteredEnergy> buildingEnergy = new TreeMap<>();
  private final Map<Instant, Map<String, MeteredEnergy>> roomEnergy = new TreeMap<>();
  private final RunningSum chargingW = new RunningSum();
  private int freshBatteries;
  private Instant cursor;

  /** A meter or battery whose value stops counting at {@code at} (stale entries are skipped). */
  private record Expiry(Instant at, String id, boolean battery) implements Comparable<Expiry> {
    @Override
    public int compareTo(Expiry o) {
      return at.compareTo(o.at);
    }
  }

  /**
   * Starts at {@code cursor} with the latest value of each meter and battery.
   *
   * @param staleAfter how long a value holds after it was measured
   */
  public MeteringRun(
      Instant cursor,
      Duration staleAfter,
      Map<String, MeterSensor> meters,
      Map<String, BatteryReading> batteries) {
    this.cursor = cursor;
    this.staleAfter = staleAfter;
    this.building = new Piece(null);
    meters.forEach(this::meter);
    batteries.forEach(this::battery);
  }

  public Instant cursor() {
    return cursor;
  }

  /** Integrates {@code [cursor, to)} with the values held; nothing when {@code to} is not later. */
  public void advanceTo(Instant to) {
    while (cursor.isBefore(to)) {
      Instant slotEnd = MarketSpec.slotOf(cursor).plus(MarketSpec.SLOT);
      Instant next = min(to, slotEnd);
      Expiry first = expiries.peek();
      if (first != null) {
        next = min(next, first.at());
      }
      cursor = next;
      if (cursor.equals(slotEnd)) {
        closeAll();
      }
      while (!expiries.isEmpty() && !expiries.peek().at().isAfter(cursor)) {
        expire(expiries.poll());
      }
    }
  }

  /** Makes {@code m} the latest value of meter {@code id} from the cursor on. */
  public void meter(String id, MeterSensor m) {
    MeterSensor before = countedMeters.remove(id);
    if (before != null) {
      uncount(before);
    }
    if (counts(m)) {
      countedMeters.put(id, m);
      count(m);
      expiries.add(new Expiry(m.power().at().plus(staleAfter), id, false));
    }
  }

  /** Makes {@code r} the latest reading of battery {@code id} from the cursor on. */
  public void battery(String id, BatteryReading r) {
    BatteryReading before = countedBatteries.remove(id);
    boolean was = before != null;
    boolean is = fresh(r.at());
    if (was || is) {
      building.close(cursor);
    }
    if (was) {
      chargingW.remove(before.chargingPowerW());
      freshBatteries--;
    }
    if (is) {
      chargingW.add(r.chargingPowerW());
      freshBatteries++;
      countedBatteries.put(id, r);
      expiries.add(new Expiry(r.at().plus(staleAfter), id, true));
    }
    if (freshBatteries == 0) {
      chargingW.reset();
    }
  }

  /**
   * Closes the open pieces at the cursor and returns everything integrated since the start, one
   * increment per slot and building (room null) or room, slots in order.
   */
  public List<Metering.Increment> finish() {
    closeAll();
    List<Metering.Increment> out = new ArrayList<>();
    buildingEnergy.forEach((slot, e) -> out.add(new Metering.Increment(slot, null, e)));
    roomEnergy.forEach(
        (slot, byRoom) ->
            byRoom.forEach((room, e) -> out.add(new Metering.Increment(slot, room, e))));
    return out;
  }

  private void expire(Expiry e) {
    if (e.battery()) {
      BatteryReading r = countedBatteries.get(e.id());
      if (r != null && r.at().plus(staleAfter).equals(e.at())) {
        countedBatteries.remove(e.id());
        building.close(cursor);
        chargingW.remove(r.chargingPowerW());
        if (--freshBatteries == 0) {
          chargingW.reset();
        }
      }
    } else {
      MeterSensor m = countedMeters.get(e.id());
      if (m != null && m.power().at().plus(staleAfter).equals(e.at())) {
        countedMeters.remove(e.id());
        uncount(m);
      }
    }
  }

  private void closeAll() {
    building.close(cursor);
    for (Piece p : rooms.values()) {
      p.close(cursor);
    }
  }

  private void count(MeterSensor m) {
    building.close(cursor);
    Piece room = rooms.computeIfAbsent(m.room(), Piece::new);
    room.close(cursor);
    building.add(m);
    room.add(m);
  }

  private void uncount(MeterSensor m) {
    building.close(cursor);
    Piece room = rooms.get(m.room());
    room.close(cursor);
    building.remove(m);
    room.remove(m);
    if (room.known == 0) {
      rooms.remove(m.room());
    }
  }

  /** Whether {@code m} counts at the cursor: measured, not in the future, not stale. */
  private boolean counts(MeterSensor m) {
    return !Double.isNaN(m.power().powerW()) && fresh(m.power().at());
  }

  private boolean fresh(Instant at) {
    return !at.isAfter(cursor) && cursor.isBefore(at.plus(staleAfter));
  }

  private static Instant min(Instant x, Instant y) {
    return x.isBefore(y) ? x : y;
  }

  /** The building's (room null) or a room's constant power since {@code since}. */
  private final class Piece {
    private final String room;
    private final RunningSum consumptionW = new RunningSum();
    private final RunningSum generationW = new RunningSum();
    private int known;
    private Instant since = cursor;

    Piece(String room) {
      this.room = room;
    }

    void add(MeterSensor m) {
      (m.power().generation() ? generationW : consumptionW).add(m.power().powerW());
      known++;
    }

    void remove(MeterSensor m) {
      (m.power().generation() ? generationW : consumptionW).remove(m.power().powerW());
      if (--known == 0) {
        consumptionW.reset();
        generationW.reset();
      }
    }

    /**
     * Integrates {@code [since, at)} into the slot of {@code since}; the next piece starts there.
     */
    void close(Instant at) {
      boolean isBuilding = room == null;
      if (since.isBefore(at) && (known > 0 || (isBuilding && freshBatteries > 0))) {
        PowerSnapshot power =
            new PowerSnapshot(
                consumptionW.value(),
                generationW.value(),
                isBuilding ? chargingW.value() : 0,
                known > 0);
        MeteredEnergy piece = MeteredEnergy.NONE.plus(power, Duration.between(since, at));
        Instant slot = MarketSpec.slotOf(since);
        if (isBuilding) {
          buildingEnergy.merge(slot, piece, MeteredEnergy::plus);
        } else {
          roomEnergy
              .computeIfAbsent(slot, s -> new TreeMap<>())
              .merge(room, piece, MeteredEnergy::plus);
        }
      }
      since = at;
    }
  }

  /**
   * A sum that values join and leave. Finite values are added and subtracted; non-finite ones
   * (which subtraction could not take back out) are counted apart, so the sum recovers once they
   * leave.
   */
  private static final class RunningSum {
    private double finite;
    private int nan;
    private int positiveInfinite;
    private int negativeInfinite;

    void add(double v) {
      change(v, 1);
    }

    void remove(double v) {
      change(v, -1);
    }

    private void change(double v, int sign) {
      if (Double.isNaN(v)) {
        nan += sign;
      } else if (v == Double.POSITIVE_INFINITY) {
        positiveInfinite += sign;
      } else if (v == Double.NEGATIVE_INFINITY) {
        negativeInfinite += sign;
      } else {
        finite += sign * v;
      }
    }

    void reset() {
      finite = 0;
      nan = 0;
      positiveInfinite = 0;
      negativeInfinite = 0;
    }

    double value() {
      if (nan > 0 || (positiveInfinite > 0 && negativeInfinite > 0)) {
        return Double.NaN;
      }
      if (positiveInfinite > 0) {
        return Double.POSITIVE_INFINITY;
      }
      return negativeInfinite > 0 ? Double.NEGATIVE_INFINITY : finite;
    }
  }
}
