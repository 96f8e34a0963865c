package io.voltstream.jobs.settlement;

import io.voltstream.energy.finance.GridPrices;
import io.voltstream.energy.finance.MeteredEnergy;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.tariff.Tariff;
import io.voltstream.energy.tariff.Tariffs;
import io.voltstream.jobs.MapStates;
import io.voltstream.jobs.dispatch.BuildingRegistry;
import io.voltstream.jobs.dispatch.logic.BatteryReading;
import io.voltstream.jobs.dispatch.logic.SensorPower;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.RoomCostFunction;
import io.voltstream.jobs.settlement.logic.MeterSensor;
import io.voltstream.jobs.settlement.logic.Metering;
import io.voltstream.jobs.settlement.logic.MeteringRun;
import io.voltstream.jobs.settlement.logic.SlotAccounts;
import io.voltstream.model.Building;
import io.voltstream.model.market.MarketTrade;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settlement, money and CO2 per building and 15-minute slot. Meter and battery samples are buffered
 * and integrated in event-time order every {@code flushInterval} up to the watermark ({@link
 * MeteringRun}, the rules of {@link Metering} kept as running sums: sample-and-hold, import and
 * export separated per sample interval), into the slot's building and room energies. Trade legs and
 * DR benefit increments are kept per slot. When the watermark passes a slot's end the slot closes:
 * a {@code Settlement} if the building traded, its building finance row and one row per metered
 * room ({@link SlotAccounts}, the energy module's rules, at the building's tariff from the
 * broadcast registry).
 *
 * <p>Late inputs are not dropped: a trade or DR report for a slot already closed re-settles it (a
 * corrected settlement and building row, same InfluxDB point, newer Kafka record) while the slot is
 * within {@code correctionWindow}; older ones are counted ({@code tooLateForCorrection}) and
 * logged. A meter sample behind the integration point updates the meter's latest power but is not
 * integrated backwards (counted in {@code lateSamples}).
 *
 * <p>State stays bounded: buffered samples are integrated at the next flush; room energies are
 * cleared when their slot closes; building energies, trade legs and DR increments when the
 * correction window has passed; meters and batteries once stale; DR events seen once their last
 * report is older than the correction window. When nothing is left the integration point is cleared
 * too and the timers stop.
 */
public class SettlementFunction
    extends KeyedBroadcastProcessFunction<
        String, SettlementInput, RegistryChange, SettlementOutput> {
  private static final Logger LOG = LoggerFactory.getLogger(SettlementFunction.class);

  /** Registry key → JSON of buildings (their tariffs). */
  public static final MapStateDescriptor<String, String> REGISTRY =
      new MapStateDescriptor<>("settlement-registry", Types.STRING, Types.STRING);

  static final MapStateDescriptor<String, MeterSensor> METERS =
      new MapStateDescriptor<>("meters", Types.STRING, TypeInformation.of(MeterSensor.class));
  static final MapStateDescriptor<String, BatteryReading> BATTERIES =
      new MapStateDescriptor<>("batteries", Types.STRING, TypeInformation.of(BatteryReading.class));
  static final MapStateDescriptor<String, SettlementInput> PENDING =
      new MapStateDescriptor<>(
          "pending-samples", Types.STRING, TypeInformation.of(SettlementInput.class));
  static final ValueStateDescriptor<Long> INTEGRATED_UNTIL =
      new ValueStateDescriptor<>("integrated-until", Types.LONG);
  static final MapStateDescriptor<Long, MeteredEnergy> BUILDING_SLOTS =
      new MapStateDescriptor<>(
          "building-slots", Types.LONG, TypeInformation.of(MeteredEnergy.class));
  static final MapStateDescriptor<String, RoomSlot> ROOM_SLOTS =
      new MapStateDescriptor<>("room-slots", Types.STRING, TypeInformation.of(RoomSlot.class));
  static final MapStateDescriptor<String, MarketTrade> TRADES =
      new MapStateDescriptor<>("trade-legs", Types.STRING, TypeInformation.of(MarketTrade.class));
  static final MapStateDescriptor<Long, Double> DR_BY_SLOT =
      new MapStateDescriptor<>("dr-benefit-by-slot", Types.LONG, Types.DOUBLE);
  static final MapStateDescriptor<String, DrSeen> DR_SEEN =
      new MapStateDescriptor<>("dr-seen", Types.STRING, TypeInformation.of(DrSeen.class));
  static final MapStateDescriptor<Long, Boolean> SETTLED =
      new MapStateDescriptor<>("settled-slots", Types.LONG, Types.BOOLEAN);

  private static final long SLOT_MS = MarketSpec.SLOT.toMillis();

  private final SettlementJobConfig config;
  private transient MapState<String, MeterSensor> meters;
  private transient MapState<String, BatteryReading> batteries;
  private transient MapState<String, SettlementInput> pending;
  private transient ValueState<Long> integratedUntil;
  private transient MapState<Long, MeteredEnergy> buildingSlots;
  private transient MapState<String, RoomSlot> roomSlots;
  private transient MapState<String, MarketTrade> trades;
  private transient MapState<Long, Double> drBySlot;
  private transient MapState<String, DrSeen> drSeen;
  private transient MapState<Long, Boolean> settled;
  private transient Counter settlements;
  private transient Counter corrections;
  private transient Counter lateSamples;
  private transient Counter tooLateForCorrection;
  private transient Counter malformedRegistryRecords;

  public SettlementFunction(SettlementJobConfig config) {
    this.config = config;
  }

  @Override
  public void open(OpenContext openContext) {
    meters = getRuntimeContext().getMapState(METERS);
    batteries = getRuntimeContext().getMapState(BATTERIES);
    pending = getRuntimeContext().getMapState(PENDING);
    integratedUntil = getRuntimeContext().getState(INTEGRATED_UNTIL);
    buildingSlots = getRuntimeContext().getMapState(BUILDING_SLOTS);
    roomSlots = getRuntimeContext().getMapState(ROOM_SLOTS);
    trades = getRuntimeContext().getMapState(TRADES);
    drBySlot = getRuntimeContext().getMapState(DR_BY_SLOT);
    drSeen = getRuntimeContext().getMapState(DR_SEEN);
    settled = getRuntimeContext().getMapState(SETTLED);
    var metrics = getRuntimeContext().getMetricGroup();
    settlements = metrics.counter("settlements");
    corrections = metrics.counter("correctedSettlements");
    lateSamples = metrics.counter("lateSamples");
    tooLateForCorrection = metrics.counter("tooLateForCorrection");
    malformedRegistryRecords = metrics.counter("malformedRegistryRecords");
  }

  @Override
  public void processElement(
      SettlementInput in, ReadOnlyContext ctx, Collector<SettlementOutput> out) throws Exception {
    long watermark = ctx.currentWatermark();
    switch (in.kind()) {
      case METER, BATTERY -> {
        Long until = integratedUntil.value();
        if (until != null && in.at().toEpochMilli() < until) {
          lateSamples.inc(); // behind the integration point: it updates the latest power only
          apply(in, null);
          return;
        }
        pending.put(in.sampleKey(), in);
        long at = in.at().toEpochMilli();
        long step = config.flushInterval().toMillis();
        ctx.timerService().registerEventTimeTimer((Math.floorDiv(at, step) + 1) * step);
        ctx.timerService().registerEventTimeTimer(slotEnd(slotOf(at)));
      }
      case TRADE -> {
        long slot = in.trade().slot().toEpochMilli();
        if (tooLate(slot, watermark, in)) {
          return;
        }
        if (in.trade().equals(trades.get(in.id()))) {
          return; // the same trade again (a replay): already counted
        }
        trades.put(in.id(), in.trade());
        closeOrWait(slot, watermark, ctx, out);
      }
      case DR -> {
        DrSeen seen = drSeen.get(in.id());
        double delta = in.benefitEur() - (seen == null ? 0 : seen.benefitEur());
        if (seen == null || in.at().isAfter(seen.at())) {
          drSeen.put(in.id(), new DrSeen(in.benefitEur(), in.at()));
        } else {
          return; // an older or repeated report: already counted
        }
        long slot = slotOf(in.at().toEpochMilli());
        if (delta == 0 || tooLate(slot, watermark, in)) {
          return;
        }
        Double before = drBySlot.get(slot);
        drBySlot.put(slot, (before == null ? 0 : before) + delta);
        closeOrWait(slot, watermark, ctx, out);
      }
    }
  }

  /**
   * A trade or DR increment for {@code slot}: re-settles it when already closed, closes it now when
   * the watermark passed its end without this building having a timer there, else waits for its
   * end.
   */
  private void closeOrWait(
      long slot, long watermark, ReadOnlyContext ctx, Collector<SettlementOutput> out)
      throws Exception {
    if (settled.contains(slot)) {
      corrections.inc();
      emitBuilding(
          ctx.getCurrentKey(), slot, registry(ctx), Math.max(slotEnd(slot), watermark), out);
    } else if (slotEnd(slot) <= watermark) {
      close(ctx.getCurrentKey(), slot, registry(ctx), watermark, ctx.timerService(), out);
    } else {
      ctx.timerService().registerEventTimeTimer(slotEnd(slot));
    }
  }

  private boolean tooLate(long slot, long watermark, SettlementInput in) {
    if (slotEnd(slot) + config.correctionWindow().toMillis() > watermark) {
      return false;
    }
    tooLateForCorrection.inc();
    LOG.warn(
        "{} {} of building {} for slot {} arrived after the slot's correction window ({});"
            + " not settled",
        in.kind(),
        in.id(),
        in.building(),
        Instant.ofEpochMilli(slot),
        config.correctionWindow());
    return true;
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<SettlementOutput> out)
      throws Exception {
    flush(timestamp);
    BuildingRegistry registry = registry(ctx);
    for (long slot : unsettledSlotsEndingBy(timestamp)) {
      close(ctx.getCurrentKey(), slot, registry, slotEnd(slot), ctx.timerService(), out);
    }
    purge(timestamp);
    if (!meters.isEmpty() || !batteries.isEmpty()) {
      // Still metering: the next slot must close even if no sample arrives in it.
      ctx.timerService().registerEventTimeTimer(slotEnd(slotOf(timestamp)));
    } else if (pending.isEmpty()
        && buildingSlots.isEmpty()
        && roomSlots.isEmpty()
        && trades.isEmpty()
        && drBySlot.isEmpty()
        && drSeen.isEmpty()
        && settled.isEmpty()) {
      integratedUntil.clear();
    }
  }

  /** Integrates the buffered samples before {@code until} in event-time order, then holds to it. */
  private void flush(long until) throws Exception {
    List<SettlementInput> due = new ArrayList<>();
    for (SettlementInput s : pending.values()) {
      if (s.at().toEpochMilli() < until) {
        due.add(s);
      }
    }
    Long from = integratedUntil.value();
    if (due.isEmpty() && from == null) {
      return;
    }
    due.sort(Comparator.comparing(SettlementInput::at).thenComparing(SettlementInput::sampleKey));
    Instant start = from != null ? Instant.ofEpochMilli(from) : due.get(0).at();
    // One run per flush: its running sums are built from the state here, so rounding from
    // subtracting and adding powers cannot outlive the flush.
    MeteringRun run =
        new MeteringRun(
            start, config.staleAfter(), MapStates.asMap(meters), MapStates.asMap(batteries));
    for (SettlementInput s : due) {
      run.advanceTo(s.at());
      apply(s, run);
      pending.remove(s.sampleKey());
    }
    Instant end = Instant.ofEpochMilli(until);
    run.advanceTo(end);
    add(run.finish());
    integratedUntil.update(Math.max(until, from == null ? until : from));
    Instant staleBefore = end.minus(config.staleAfter());
    MapStates.removeWhere(meters, m -> !m.power().at().isAfter(staleBefore));
    MapStates.removeWhere(batteries, b -> !b.at().isAfter(staleBefore));
  }

  /** Adds a flush's energies to their slots' building and room energies. */
  private void add(List<Metering.Increment> increments) throws Exception {
    for (Metering.Increment inc : increments) {
      long slot = inc.slot().toEpochMilli();
      if (inc.room() == null) {
        MeteredEnergy before = buildingSlots.get(slot);
        buildingSlots.put(slot, before == null ? inc.energy() : before.plus(inc.energy()));
      } else {
        String key = RoomSlot.key(inc.slot(), inc.room());
        RoomSlot before = roomSlots.get(key);
        roomSlots.put(
            key,
            new RoomSlot(
                inc.slot(),
                inc.room(),
                before == null ? inc.energy() : before.energy().plus(inc.energy())));
      }
    }
  }

  /**
   * Makes {@code s} the latest value of its meter or battery (older samples change nothing), and
   * tells {@code run} when one is integrating.
   */
  private void apply(SettlementInput s, MeteringRun run) throws Exception {
    if (s.kind() == SettlementInput.Kind.METER) {
      MeterSensor previous = meters.get(s.id());
      SensorPower next = SensorPower.next(previous == null ? null : previous.power(), s.sample());
      if (previous == null || next != previous.power()) {
        MeterSensor m = new MeterSensor(s.room(), next);
        meters.put(s.id(), m);
        if (run != null) {
          run.meter(s.id(), m);
        }
      }
    } else {
      BatteryReading previous = batteries.get(s.id());
      if (previous == null || s.at().isAfter(previous.at())) {
        BatteryReading r = new BatteryReading(0, s.powerW(), s.at());
        batteries.put(s.id(), r);
        if (run != null) {
          run.battery(s.id(), r);
        }
      }
    }
  }

  private List<Long> unsettledSlotsEndingBy(long t) throws Exception {
    TreeSet<Long> slots = new TreeSet<>();
    buildingSlots.keys().forEach(slots::add);
    drBySlot.keys().forEach(slots::add);
    for (MarketTrade trade : trades.values()) {
      slots.add(trade.slot().toEpochMilli());
    }
    for (RoomSlot r : roomSlots.values()) {
      slots.add(r.slot().toEpochMilli());
    }
    List<Long> due = new ArrayList<>();
    for (long slot : slots) {
      if (slotEnd(slot) <= t && !settled.contains(slot)) {
        due.add(slot);
      }
    }
    return due;
  }

  /** Closes {@code slot}: settlement, building row, room rows; keeps it for corrections. */
  private void close(
      String building,
      long slot,
      BuildingRegistry registry,
      long settledAt,
      org.apache.flink.streaming.api.TimerService timers,
      Collector<SettlementOutput> out)
      throws Exception {
    emitBuilding(building, slot, registry, settledAt, out);
    GridPrices prices = prices(building, slot, registry);
    List<String> done = new ArrayList<>();
    for (Map.Entry<String, RoomSlot> e : roomSlots.entries()) {
      RoomSlot r = e.getValue();
      if (r.slot().toEpochMilli() == slot) {
        out.collect(
            SettlementOutput.of(
                SlotAccounts.roomRow(building, r.room(), r.slot(), r.energy(), prices)));
        done.add(e.getKey());
      }
    }
    for (String key : done) {
      roomSlots.remove(key);
    }
    settled.put(slot, true);
    timers.registerEventTimeTimer(slotEnd(slot) + config.correctionWindow().toMillis());
  }

  /** The building's settlement (when it traded) and finance row (when anything happened). */
  private void emitBuilding(
      String building,
      long slot,
      BuildingRegistry registry,
      long settledAt,
      Collector<SettlementOutput> out)
      throws Exception {
    Instant slotStart = Instant.ofEpochMilli(slot);
    MeteredEnergy metered = buildingSlots.get(slot);
    metered = metered == null ? MeteredEnergy.NONE : metered;
    List<MarketTrade> legs = new ArrayList<>();
    for (MarketTrade t : trades.values()) {
      if (t.slot().toEpochMilli() == slot) {
        legs.add(t);
      }
    }
    Double dr = drBySlot.get(slot);
    GridPrices prices = prices(building, slot, registry);
    var settlement =
        SlotAccounts.settlement(
            building, slotStart, metered, legs, prices, Instant.ofEpochMilli(settledAt));
    if (settlement.isPresent()) {
      settlements.inc();
      out.collect(SettlementOutput.of(settlement.get()));
    }
    if (metered.meteredSeconds() > 0 || !legs.isEmpty() || dr != null) {
      out.collect(
          SettlementOutput.of(
              SlotAccounts.buildingRow(
                  building, slotStart, metered, legs, dr == null ? 0 : dr, prices)));
    }
  }

  /** Drops closed slots whose correction window has passed, and DR events last seen before it. */
  private void purge(long t) throws Exception {
    long window = config.correctionWindow().toMillis();
    List<Long> expired = new ArrayList<>();
    for (long slot : settled.keys()) {
      if (slotEnd(slot) + window <= t) {
        expired.add(slot);
      }
    }
    for (long slot : expired) {
      settled.remove(slot);
      buildingSlots.remove(slot);
      drBySlot.remove(slot);
    }
    MapStates.removeWhere(trades, trade -> expired.contains(trade.slot().toEpochMilli()));
    Instant seenBefore = Instant.ofEpochMilli(t).minus(config.correctionWindow());
    MapStates.removeWhere(drSeen, seen -> seen.at().isBefore(seenBefore));
  }

  private static GridPrices prices(String building, long slot, BuildingRegistry registry) {
    Tariff tariff =
        registry
            .building(building)
            .map(Building::tariffOrDefault)
            .orElseGet(Tariffs::defaultTariff);
    return GridPrices.of(tariff, Instant.ofEpochMilli(slot));
  }

  private static BuildingRegistry registry(ReadOnlyContext ctx) throws Exception {
    return new BuildingRegistry(ctx.getBroadcastState(REGISTRY).immutableEntries());
  }

  private static long slotOf(long epochMs) {
    return Math.floorDiv(epochMs, SLOT_MS) * SLOT_MS;
  }

  private static long slotEnd(long slot) {
    return slot + SLOT_MS;
  }

  @Override
  public void processBroadcastElement(
      RegistryChange change, Context ctx, Collector<SettlementOutput> out) throws Exception {
    if (!RoomCostFunction.applyBuildingChange(change, ctx.getBroadcastState(REGISTRY))) {
      malformedRegistryRecords.inc();
    }
  }
}
