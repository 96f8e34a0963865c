package io.voltstream.jobs.marketagents;

import io.voltstream.energy.market.MarketMembership;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.market.agent.AgentSettings;
import io.voltstream.energy.market.agent.BatteryEnergy;
import io.voltstream.energy.market.agent.SlotOutlook;
import io.voltstream.energy.market.agent.SlotPlan;
import io.voltstream.energy.market.agent.TradingAgent;
import io.voltstream.energy.tariff.Tariff;
import io.voltstream.energy.tariff.Tariffs;
import io.voltstream.jobs.MapStates;
import io.voltstream.jobs.dispatch.DispatchFunction;
import io.voltstream.jobs.dispatch.DispatchInput;
import io.voltstream.jobs.dispatch.logic.BatteryReading;
import io.voltstream.jobs.dispatch.logic.ForecastBatch;
import io.voltstream.jobs.dispatch.logic.SensorPower;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.marketagents.logic.AgentForecast;
import io.voltstream.jobs.marketagents.logic.AgentOrders;
import io.voltstream.jobs.marketagents.logic.AgentRegistry;
import io.voltstream.jobs.marketagents.logic.AgentSlot;
import io.voltstream.jobs.marketagents.logic.OrderFill;
import io.voltstream.jobs.marketagents.logic.SlotNetLoad;
import io.voltstream.model.Building;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.OrderAction;
import io.voltstream.model.market.OrderUpdate;
import java.time.Instant;
import java.util.ArrayList;
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
 * A building's trading agent, keyed by building: keeps the latest power per sensor (the dispatch
 * job's {@link SensorPower}), the batteries' state, the latest consumption and generation
 * forecasts, a minute-by-minute history of the metered net load (for the persistence fallback), the
 * fills of its orders and, per slot it trades, the order it has resting. Every update interval of
 * event time (a timer chain on the watermark) it asks the energy module's {@link TradingAgent} what
 * it wants resting for each slot and emits {@code market-orders}: cancel-and-replace when quantity,
 * side, price or market changed, {@code submitted_at} = the timer's event time.
 *
 * <p>Broadcast side: the registry's buildings (market membership with {@code agent} on/off,
 * tariff), batteries and markets. A building whose agent is off (or that left the registry) gets
 * its open orders cancelled at the next update and its state cleared; inputs for it are ignored.
 *
 * <p>State stays bounded: sensor powers and battery states are pruned after {@code staleAfter}, the
 * net-load history after 15 minutes, slots and fills at the slot's gate closure; when no fresh
 * input and no open order is left, everything is cleared and the timer chain stops (the next input
 * starts it again).
 */
public class MarketAgentFunction
    extends KeyedBroadcastProcessFunction<String, AgentInput, RegistryChange, MarketOrder> {

  /** Registry key → JSON of buildings, batteries and markets. */
  public static final MapStateDescriptor<String, String> REGISTRY =
      new MapStateDescriptor<>("market-agents-registry", Types.STRING, Types.STRING);

  static final MapStateDescriptor<String, SensorPower> SENSORS = DispatchFunction.SENSORS;
  static final MapStateDescriptor<String, BatteryReading> BATTERIES = DispatchFunction.BATTERIES;
  static final MapStateDescriptor<String, String> FORECASTS =
      new MapStateDescriptor<>("forecasts", Types.STRING, Types.STRING);

  /** Update time [epoch ms] → metered net load then [W]. */
  static final MapStateDescriptor<Long, Double> NET_LOAD =
      new MapStateDescriptor<>("net-load-samples", Types.LONG, Types.DOUBLE);

  /** Slot start [epoch s] → what the agent has placed for it. */
  static final MapStateDescriptor<Long, AgentSlot> SLOTS =
      new MapStateDescriptor<>("agent-slots", Types.LONG, TypeInformation.of(AgentSlot.class));

  /** Order id → what it has traded. */
  static final MapStateDescriptor<String, OrderFill> FILLS =
      new MapStateDescriptor<>("order-fills", Types.STRING, TypeInformation.of(OrderFill.class));

  static final ValueStateDescriptor<Long> NEXT_UPDATE =
      new ValueStateDescriptor<>("next-update", Types.LONG);

  private final MarketAgentsJobConfig config;
  private transient AgentSettings settings;
  private transient MapState<String, SensorPower> sensors;
  private transient MapState<String, BatteryReading> batteries;
  private transient MapState<String, String> forecasts;
  private transient MapState<Long, Double> netLoad;
  private transient MapState<Long, AgentSlot> slots;
  private transient MapState<String, OrderFill> fills;
  private transient ValueState<Long> nextUpdate;
  private transient Counter submitted;
  private transient Counter cancelled;
  private transient Counter ignoredInputs;
  private transient Counter unknownMarket;
  private transient Counter malformedRegistryRecords;

  public MarketAgentFunction(MarketAgentsJobConfig config) {
    this.config = config;
  }

  @Override
  public void open(OpenContext openContext) {
    settings = config.agent();
    sensors = getRuntimeContext().getMapState(SENSORS);
    batteries = getRuntimeContext().getMapState(BATTERIES);
    forecasts = getRuntimeContext().getMapState(FORECASTS);
    netLoad = getRuntimeContext().getMapState(NET_LOAD);
    slots = getRuntimeContext().getMapState(SLOTS);
    fills = getRuntimeContext().getMapState(FILLS);
    nextUpdate = getRuntimeContext().getState(NEXT_UPDATE);
    var metrics = getRuntimeContext().getMetricGroup();
    submitted = metrics.counter("agentOrdersSubmitted");
    cancelled = metrics.counter("agentOrdersCancelled");
    ignoredInputs = metrics.counter("inputsOfBuildingsWithoutAgent");
    unknownMarket = metrics.counter("updatesForUnknownMarket");
    malformedRegistryRecords = metrics.counter("malformedRegistryRecords");
  }

  @Override
  public void processElement(AgentInput in, ReadOnlyContext ctx, Collector<MarketOrder> out)
      throws Exception {
    String building = ctx.getCurrentKey();
    if (in.status() != null) {
      onStatus(building, in.status());
      return;
    }
    AgentRegistry registry = new AgentRegistry(ctx.getBroadcastState(REGISTRY).immutableEntries());
    if (registry.activeMembership(building).isEmpty()) {
      ignoredInputs.inc();
      return;
    }
    DispatchInput m = in.measurement();
    switch (m.kind()) {
      case POWER -> sensors.put(m.id(), SensorPower.next(sensors.get(m.id()), m.sample()));
      case BATTERY -> {
        BatteryReading previous = batteries.get(m.id());
        if (previous == null || !previous.at().isAfter(m.at())) {
          batteries.put(m.id(), new BatteryReading(m.socPercent(), m.powerW(), m.at()));
        }
      }
      case FORECAST -> forecasts.put(m.id(), m.json());
      default -> {
        ignoredInputs.inc();
        return;
      }
    }
    if (nextUpdate.value() == null && m.at() != null) {
      long step = config.updateInterval().toMillis();
      long from = Math.max(ctx.currentWatermark(), m.at().toEpochMilli());
      long next = (Math.floorDiv(from, step) + 1) * step;
      ctx.timerService().registerEventTimeTimer(next);
      nextUpdate.update(next);
    }
  }

  /** Remembers the fills of the building's agent orders; a finished order no longer rests. */
  private void onStatus(String building, OrderUpdate u) throws Exception {
    if (!AgentOrders.isAgentOrderOf(building, u.orderId()) || u.deliveryStart() == null) {
      return;
    }
    long key = u.deliveryStart().getEpochSecond();
    AgentSlot slot = slots.get(key);
    if (slot == null) {
      return; // a slot the agent no longer trades (closed) or never did
    }
    if (u.side() != null && u.filledKwh() > 0) {
      fills.put(u.orderId(), OrderFill.of(u));
    }
    if (u.state() != null
        && u.state().isFinal()
        && slot.open() != null
        && slot.open().id().equals(u.orderId())) {
      slots.put(key, slot.withOpen(null));
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<MarketOrder> out)
      throws Exception {
    Instant at = Instant.ofEpochMilli(timestamp);
    String building = ctx.getCurrentKey();
    prune(at);
    AgentRegistry registry = new AgentRegistry(ctx.getBroadcastState(REGISTRY).immutableEntries());
    Optional<MarketMembership> membership = registry.activeMembership(building);
    if (membership.isEmpty()) {
      emit(AgentOrders.cancelAll(building, at, MapStates.values(slots)), out);
      clearAll();
      return;
    }
    if (sensors.isEmpty() && batteries.isEmpty() && !hasOpenOrders()) {
      clearAll();
      return;
    }
    Optional<MarketSpec> market = registry.market(membership.get().market());
    if (market.isEmpty()) {
      unknownMarket.inc();
      emit(AgentOrders.cancelAll(building, at, MapStates.values(slots)), out);
      slots.clear();
      fills.clear();
    } else {
      trade(building, at, market.get(), registry, out);
    }
    long next = timestamp + config.updateInterval().toMillis();
    ctx.timerService().registerEventTimeTimer(next);
    nextUpdate.update(next);
  }

  private void trade(
      String building,
      Instant at,
      MarketSpec market,
      AgentRegistry registry,
      Collector<MarketOrder> out)
      throws Exception {
    Tariff tariff =
        registry
            .buildings()
            .building(building)
            .map(Building::tariffOrDefault)
            .orElseGet(Tariffs::defaultTariff);
    AgentForecast consumption = forecast(ForecastBatch.CONSUMPTION);
    AgentForecast generation = forecast(ForecastBatch.GENERATION);
    OptionalDouble meteredMeanW =
        MapStates.values(netLoad).stream().mapToDouble(Double::doubleValue).average();
    Map<Long, Double> positions = positions();
    List<SlotOutlook> outlooks = new ArrayList<>();
    List<Instant> candidates = TradingAgent.slots(at, market, settings);
    for (Instant slot : candidates) {
      Optional<SlotNetLoad> estimate =
          SlotNetLoad.estimate(
              at, slot, consumption, generation, config.forecastMaxAge(), meteredMeanW);
      if (estimate.isEmpty()) {
        break; // nothing known about this slot, nor the battery beyond it
      }
      outlooks.add(
          new SlotOutlook(
              slot,
              estimate.get().netLoadKwh(),
              estimate.get().basis(),
              positions.getOrDefault(slot.getEpochSecond(), 0.0)));
    }
    List<SlotPlan> plans =
        TradingAgent.plan(
            at, market, tariff, settings, outlooks, batteryEnergy(building, registry));
    Map<Instant, SlotPlan> bySlot = new HashMap<>();
    plans.forEach(p -> bySlot.put(p.slot(), p));
    for (Instant slot : candidates) {
      SlotPlan plan = bySlot.get(slot);
      boolean trading =
          plan != null
              ? plan.trading()
              : !at.isAfter(market.gateClosureOf(slot).minus(settings.updateInterval()));
      if (!trading) {
        continue; // the resting order stays as it is until the gate closes
      }
      long key = slot.getEpochSecond();
      AgentSlot state = slots.get(key);
      if (state == null) {
        state = AgentSlot.fresh(slot, market.gateClosureOf(slot));
      }
      AgentOrders.Step step =
          AgentOrders.reconcile(
              building, market.id(), at, state, plan == null ? Optional.empty() : plan.order());
      emit(step.emitted(), out);
      slots.put(key, step.slot());
    }
  }

  private Optional<BatteryEnergy> batteryEnergy(String building, AgentRegistry registry)
      throws Exception {
    Map<String, Double> soc = new HashMap<>();
    for (Map.Entry<String, BatteryReading> e : batteries.entries()) {
      soc.put(e.getKey(), e.getValue().socPercent());
    }
    return BatteryEnergy.of(
        registry.buildings().batteriesOf(building), soc, settings.sellStoredAboveSocPercent());
  }

  /** Bought − sold so far per slot [epoch s → kWh]. */
  private Map<Long, Double> positions() throws Exception {
    Map<Long, Double> out = new HashMap<>();
    for (OrderFill f : fills.values()) {
      out.merge(f.slot().getEpochSecond(), f.positionKwh(), Double::sum);
    }
    return out;
  }

  private AgentForecast forecast(String target) throws Exception {
    String json = forecasts.get(target);
    return json == null ? null : AgentForecast.parse(json).orElse(null);
  }

  private void emit(List<MarketOrder> orders, Collector<MarketOrder> out) {
    for (MarketOrder o : orders) {
      (o.action() == OrderAction.CANCEL ? cancelled : submitted).inc();
      out.collect(o);
    }
  }

  private boolean hasOpenOrders() throws Exception {
    for (AgentSlot s : slots.values()) {
      if (s.open() != null) {
        return true;
      }
    }
    return false;
  }

  private void prune(Instant at) throws Exception {
    Instant staleBefore = at.minus(config.staleAfter());
    MapStates.removeWhere(sensors, p -> p.at().isBefore(staleBefore));
    MapStates.removeWhere(batteries, r -> r.at().isBefore(staleBefore));
    OptionalDouble w = SensorPower.netLoadW(MapStates.values(sensors));
    if (w.isPresent()) {
      netLoad.put(at.toEpochMilli(), w.getAsDouble());
    }
    long oldest = at.minus(SlotNetLoad.PERSISTENCE_WINDOW).toEpochMilli();
    MapStates.removeWhere(netLoad, (t, v) -> t <= oldest);
    // A slot whose gate has closed is the market's now: forget it and its fills.
    MapStates.removeWhere(slots, s -> !s.gateClosure().isAfter(at));
    Set<Long> live = new HashSet<>();
    slots.keys().forEach(live::add);
    MapStates.removeWhere(fills, f -> !live.contains(f.slot().getEpochSecond()));
  }

  private void clearAll() {
    sensors.clear();
    batteries.clear();
    forecasts.clear();
    netLoad.clear();
    slots.clear();
    fills.clear();
    nextUpdate.clear();
  }

  @Override
  public void processBroadcastElement(
      RegistryChange change, Context ctx, Collector<MarketOrder> out) throws Exception {
    RegistryKey key = change.key();
    if (!AgentRegistry.isRelevant(key)) {
      return;
    }
    if (!change.isTombstone()) {
      if (!AgentRegistry.parses(key, change.json())) {
        malformedRegistryRecords.inc();
        return;
      }
      ctx.getBroadcastState(REGISTRY).put(key.encode(), change.json());
      return;
    }
    ctx.getBroadcastState(REGISTRY).remove(key.encode());
    if (key.kind() == RegistryKey.Kind.BATTERY) {
      ctx.applyToKeyedState(BATTERIES, (building, state) -> state.remove(key.id()));
    }
    // A building leaving is handled at its next update: its open orders are cancelled then (an
    // order needs an event time) and its state is cleared.
  }
}
