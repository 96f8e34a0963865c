package io.voltstream.jobs.dispatch;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.battery.PowerConvention;
import io.voltstream.energy.dispatch.DispatchSettings;
import io.voltstream.energy.plan.Plan;
import io.voltstream.energy.plan.Planner;
import io.voltstream.energy.plan.PlannerConfig;
import io.voltstream.energy.tariff.Tariff;
import io.voltstream.energy.tariff.Tariffs;
import io.voltstream.jobs.MapStates;
import io.voltstream.jobs.dispatch.logic.BatteryDecision;
import io.voltstream.jobs.dispatch.logic.BatteryReading;
import io.voltstream.jobs.dispatch.logic.BuildingDispatcher;
import io.voltstream.jobs.dispatch.logic.ForecastBatch;
import io.voltstream.jobs.dispatch.logic.MarketLeg;
import io.voltstream.jobs.dispatch.logic.MonthPeak;
import io.voltstream.jobs.dispatch.logic.Replanner;
import io.voltstream.jobs.dispatch.logic.SensorPower;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.model.Building;
import io.voltstream.model.RegistryKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
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

/**
 * Continuous battery dispatch, keyed by building: keeps the latest power per sensor, the latest
 * state per battery, manual overrides, the latest forecasts, the month's peak import, the current
 * plan and the building's market trade legs, and every {@code interval} of event time (an
 * event-time timer chain on the watermark) decides through the energy module ({@link
 * BuildingDispatcher}, {@link Replanner}).
 *
 * <p>Broadcast side: the registry's buildings (tariff, dispatch settings) and batteries (specs), as
 * JSON by registry key. A battery or building leaving the registry clears its keyed state.
 *
 * <p>Market position: each trade leg ({@code market-trades}, + bought, − sold) is kept by trade id
 * (a replayed trade is not counted twice) until its slot ends; the legs of the slot being decided
 * give the position that self-consumption delivers ({@link
 * io.voltstream.energy.dispatch.SelfConsumption}).
 *
 * <p>State stays bounded: sensor powers, battery states and overrides are pruned by event time at
 * every decision ({@code staleAfter}, {@code valid_until}), trade legs when their slot ends; when
 * nothing fresh is left the whole building's state is cleared and the timer chain stops (the next
 * input starts it again).
 */
public class DispatchFunction
    extends KeyedBroadcastProcessFunction<String, DispatchInput, RegistryChange, BatteryDecision> {

  /** Registry key → JSON of buildings and batteries. */
  public static final MapStateDescriptor<String, String> REGISTRY =
      new MapStateDescriptor<>("dispatch-registry", Types.STRING, Types.STRING);

  /** Latest power per sensor (also the DR job's). */
  public static final MapStateDescriptor<String, SensorPower> SENSORS =
      new MapStateDescriptor<>("sensor-power", Types.STRING, TypeInformation.of(SensorPower.class));

  /** Latest state per battery (also the DR job's). */
  public static final MapStateDescriptor<String, BatteryReading> BATTERIES =
      new MapStateDescriptor<>(
          "battery-state", Types.STRING, TypeInformation.of(BatteryReading.class));

  static final MapStateDescriptor<String, Instant> OVERRIDES =
      new MapStateDescriptor<>("manual-until", Types.STRING, Types.INSTANT);

  /** Battery → {@code valid_until} of the DR job's latest command (dispatch stands back). */
  static final MapStateDescriptor<String, Instant> DR_HOLDS =
      new MapStateDescriptor<>("dr-until", Types.STRING, Types.INSTANT);

  static final MapStateDescriptor<String, String> FORECASTS =
      new MapStateDescriptor<>("forecasts", Types.STRING, Types.STRING);

  /** Trade id + side → the building's leg of it, until its delivery slot ends. */
  static final MapStateDescriptor<String, MarketLeg> MARKET_LEGS =
      new MapStateDescriptor<>("market-legs", Types.STRING, TypeInformation.of(MarketLeg.class));

  static final ValueStateDescriptor<MonthPeak> PEAK =
      new ValueStateDescriptor<>("month-peak", TypeInformation.of(MonthPeak.class));
  static final ValueStateDescriptor<StoredPlan> PLAN =
      new ValueStateDescriptor<>("plan", TypeInformation.of(StoredPlan.class));
  static final ValueStateDescriptor<Long> NEXT_DECISION =
      new ValueStateDescriptor<>("next-decision", Types.LONG);

  private final DispatchJobConfig config;
  private transient MapState<String, SensorPower> sensors;
  private transient MapState<String, BatteryReading> batteries;
  private transient MapState<String, Instant> overrides;
  private transient MapState<String, Instant> drHolds;
  private transient MapState<String, String> forecasts;
  private transient MapState<String, MarketLeg> marketLegs;
  private transient ValueState<MonthPeak> peak;
  private transient ValueState<StoredPlan> plan;
  private transient ValueState<Long> nextDecision;
  private transient Planner planner;
  private transient Counter decisions;
  private transient Counter malformedRegistryRecords;

  public DispatchFunction(DispatchJobConfig config) {
    this.config = config;
  }

  @Override
  public void open(OpenContext openContext) {
    sensors = getRuntimeContext().getMapState(SENSORS);
    batteries = getRuntimeContext().getMapState(BATTERIES);
    overrides = getRuntimeContext().getMapState(OVERRIDES);
    drHolds = getRuntimeContext().getMapState(DR_HOLDS);
    forecasts = getRuntimeContext().getMapState(FORECASTS);
    marketLegs = getRuntimeContext().getMapState(MARKET_LEGS);
    peak = getRuntimeContext().getState(PEAK);
    plan = getRuntimeContext().getState(PLAN);
    nextDecision = getRuntimeContext().getState(NEXT_DECISION);
    planner = new Planner(PlannerConfig.defaults());
    decisions = getRuntimeContext().getMetricGroup().counter("dispatchDecisions");
    malformedRegistryRecords =
        getRuntimeContext().getMetricGroup().counter("malformedRegistryRecords");
  }

  @Override
  public void processElement(DispatchInput in, ReadOnlyContext ctx, Collector<BatteryDecision> out)
      throws Exception {
    switch (in.kind()) {
      case POWER -> sensors.put(in.id(), SensorPower.next(sensors.get(in.id()), in.sample()));
      case BATTERY -> {
        BatteryReading previous = batteries.get(in.id());
        if (previous == null || !previous.at().isAfter(in.at())) {
          batteries.put(in.id(), new BatteryReading(in.socPercent(), in.powerW(), in.at()));
        }
      }
      case MANUAL -> {
        Instant until = overrides.get(in.id());
        if (until == null || in.validUntil().isAfter(until)) {
          overrides.put(in.id(), in.validUntil());
        }
      }
      case DR -> {
        if (!in.validUntil().isAfter(in.at())) {
          drHolds.remove(in.id()); // released: back to normal dispatch now
        } else {
          drHolds.put(in.id(), in.validUntil());
        }
      }
      case FORECAST -> forecasts.put(in.id(), in.json());
      case MARKET -> {
        MarketLeg leg = in.marketLeg();
        if (leg.endedBy(Instant.ofEpochMilli(ctx.currentWatermark()))) {
          return; // a replayed trade of a slot already delivered: nothing left to follow
        }
        marketLegs.put(in.id(), leg);
      }
    }
    if (nextDecision.value() == null) {
      long step = config.interval().toMillis();
      long from =
          Math.max(
              ctx.currentWatermark(), in.at() == null ? Long.MIN_VALUE : in.at().toEpochMilli());
      if (from == Long.MIN_VALUE) {
        return; // a forecast before any event time: the next reading or report starts the chain
      }
      long next = (Math.floorDiv(from, step) + 1) * step;
      ctx.timerService().registerEventTimeTimer(next);
      nextDecision.update(next);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<BatteryDecision> out)
      throws Exception {
    Instant at = Instant.ofEpochMilli(timestamp);
    prune(at);
    if (sensors.isEmpty()
        && batteries.isEmpty()
        && overrides.isEmpty()
        && drHolds.isEmpty()
        && marketLegs.isEmpty()) {
      clearAll();
      return;
    }
    String building = ctx.getCurrentKey();
    BuildingRegistry registry =
        new BuildingRegistry(ctx.getBroadcastState(REGISTRY).immutableEntries());
    decide(building, at, registry, out);
    long next = timestamp + config.interval().toMillis();
    ctx.timerService().registerEventTimeTimer(next);
    nextDecision.update(next);
  }

  private void decide(
      String building, Instant at, BuildingRegistry registry, Collector<BatteryDecision> out)
      throws Exception {
    Optional<Building> record = registry.building(building);
    Tariff tariff = record.map(Building::tariffOrDefault).orElseGet(Tariffs::defaultTariff);
    DispatchSettings settings =
        record.map(Building::dispatchOrDefault).orElseGet(DispatchSettings::defaults);
    List<BatterySpec> specs = registry.batteriesOf(building);
    Map<String, BatteryReading> latest = new HashMap<>();
    for (Map.Entry<String, BatteryReading> e : batteries.entries()) {
      latest.put(e.getKey(), e.getValue());
    }
    OptionalDouble netLoad = SensorPower.netLoadW(MapStates.values(sensors));
    MonthPeak monthPeak = peak.value() == null ? MonthPeak.empty() : peak.value();
    if (netLoad.isPresent()) {
      double batteryDischargeW = 0;
      for (BatteryReading r : latest.values()) {
        batteryDischargeW += PowerConvention.deviceToEnergyW(r.chargingPowerW());
      }
      monthPeak =
          monthPeak.observe(
              at, config.interval(), netLoad.getAsDouble() - batteryDischargeW, tariff.zone());
      peak.update(monthPeak);
    }
    if (specs.isEmpty() || netLoad.isEmpty()) {
      // Nothing to command, or no fresh power readings: without a net load no decision is safe, and
      // the
      // batteries fall back to their safe mode when the last commands expire.
      return;
    }
    Set<String> overridden = new HashSet<>();
    for (String id : overrides.keys()) {
      overridden.add(id);
    }
    Set<String> heldByDr = new HashSet<>();
    for (String id : drHolds.keys()) {
      heldByDr.add(id);
    }
    Set<String> held = new HashSet<>(overridden);
    held.addAll(heldByDr);
    Plan current = null;
    String planNote = null;
    if (settings.needsPlan()) {
      StoredPlan stored = plan.value();
      Replanner.Result r =
          Replanner.refresh(
              planner,
              stored == null ? null : stored.toPlan(),
              at,
              BuildingDispatcher.dispatchable(specs, latest, held),
              latest,
              tariff,
              monthPeak.monthPeakImportW(),
              forecast(ForecastBatch.CONSUMPTION),
              forecast(ForecastBatch.GENERATION));
      current = r.plan();
      planNote = r.note();
      plan.update(current == null ? null : StoredPlan.of(current));
    }
    List<BatteryDecision> result =
        BuildingDispatcher.decide(
            new BuildingDispatcher.Inputs(
                building,
                at,
                config.interval(),
                config.commandValidity(),
                settings,
                tariff,
                specs,
                latest,
                overridden,
                netLoad.getAsDouble(),
                monthPeak.monthPeakImportW(),
                Optional.ofNullable(current),
                planNote,
                // no DR strategy in the stack: the DR job commands the batteries of an event itself
                // and dispatch stands back for them (heldByDr), one controller per battery at a
                // time
                Optional.empty(),
                heldByDr,
                MarketLeg.positionKwh(MapStates.values(marketLegs), at)));
    for (BatteryDecision d : result) {
      decisions.inc();
      out.collect(d);
    }
  }

  private ForecastBatch forecast(String target) throws Exception {
    String json = forecasts.get(target);
    return json == null ? null : ForecastBatch.parse(json).orElse(null);
  }

  private void prune(Instant at) throws Exception {
    Instant staleBefore = at.minus(config.staleAfter());
    MapStates.removeWhere(sensors, p -> p.at().isBefore(staleBefore));
    MapStates.removeWhere(batteries, r -> r.at().isBefore(staleBefore));
    MapStates.removeWhere(overrides, until -> !until.isAfter(at));
    MapStates.removeWhere(drHolds, until -> !until.isAfter(at));
    MapStates.removeWhere(marketLegs, leg -> leg.endedBy(at));
  }

  private void clearAll() {
    sensors.clear();
    batteries.clear();
    overrides.clear();
    drHolds.clear();
    forecasts.clear();
    marketLegs.clear();
    peak.clear();
    plan.clear();
    nextDecision.clear();
  }

  @Override
  public void processBroadcastElement(
      RegistryChange change, Context ctx, Collector<BatteryDecision> out) throws Exception {
    RegistryKey key = change.key();
    if (key == null
        || (key.kind() != RegistryKey.Kind.BUILDING && key.kind() != RegistryKey.Kind.BATTERY)) {
      return;
    }
    if (!change.isTombstone()) {
      if (!BuildingRegistry.parses(key, change.json())) {
        malformedRegistryRecords.inc();
        return;
      }
      ctx.getBroadcastState(REGISTRY).put(key.encode(), change.json());
      return;
    }
    ctx.getBroadcastState(REGISTRY).remove(key.encode());
    if (key.kind() == RegistryKey.Kind.BATTERY) {
      ctx.applyToKeyedState(BATTERIES, (building, state) -> state.remove(key.id()));
      ctx.applyToKeyedState(OVERRIDES, (building, state) -> state.remove(key.id()));
      ctx.applyToKeyedState(DR_HOLDS, (building, state) -> state.remove(key.id()));
    } else {
      // The building left: forget what it measured; its timer then finds nothing and stops.
      ctx.applyToKeyedState(SENSORS, (building, state) -> clearIf(building, key.id(), state));
      ctx.applyToKeyedState(BATTERIES, (building, state) -> clearIf(building, key.id(), state));
      ctx.applyToKeyedState(OVERRIDES, (building, state) -> clearIf(building, key.id(), state));
      ctx.applyToKeyedState(DR_HOLDS, (building, state) -> clearIf(building, key.id(), state));
      ctx.applyToKeyedState(FORECASTS, (building, state) -> clearIf(building, key.id(), state));
      ctx.applyToKeyedState(MARKET_LEGS, (building, state) -> clearIf(building, key.id(), state));
    }
  }

  private static void clearIf(String building, String gone, MapState<?, ?> state) {
    if (building.equals(gone)) {
      state.clear();
    }
  }
}
