package io.voltstream.jobs.dr;

import static io.voltstream.jobs.MapStates.removeWhere;
import static io.voltstream.jobs.MapStates.values;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.dr.DeviceHold;
import io.voltstream.energy.dr.DrDeviceStep;
import io.voltstream.energy.dr.DrDispatch;
import io.voltstream.energy.dr.DrDispatchInputs;
import io.voltstream.energy.dr.DrDispatchPlanner;
import io.voltstream.energy.tariff.Tariffs;
import io.voltstream.jobs.dispatch.BuildingRegistry;
import io.voltstream.jobs.dispatch.DispatchFunction;
import io.voltstream.jobs.dispatch.logic.BatteryReading;
import io.voltstream.jobs.dispatch.logic.SensorPower;
import io.voltstream.jobs.dr.logic.DeviceReading;
import io.voltstream.jobs.dr.logic.DrCommands;
import io.voltstream.jobs.dr.logic.DrEvents;
import io.voltstream.jobs.dr.logic.DrVerification;
import io.voltstream.jobs.dr.logic.EventRun;
import io.voltstream.jobs.dr.logic.ImportBucket;
import io.voltstream.jobs.dr.logic.ImportHistory;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.model.Building;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.dr.DrEventStatus;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.dr.DrInvitation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Executes and verifies demand-response events, keyed by building (issue 9 items 4 and 5). It keeps
 * what the building measures (sensor powers, battery states, device reports), the 15-minute
 * grid-import history for the baselines, the committed invitations, and the running event's holds.
 *
 * <p>An event-time timer chain every {@code interval} samples the grid import (history, and the
 * metered mean of a running event) and, while an event runs, re-plans through the energy module's
 * {@link DrDispatchPlanner}: closed-loop battery setpoints, device instructions re-issued with a
 * short validity, devices given back at their comfort limit, targets that refused excluded. Extra
 * timers at each invitation's start and end make the transitions exact. At the start it emits
 * {@code dr_started}; every {@code reportInterval} a report ({@link DrVerification}); at the end or
 * on cancellation the restore commands, {@code dr_completed}/{@code dr_cancelled} and a final
 * report, after which the event's state is dropped.
 *
 * <p>Broadcast side: the registry's buildings (tariff zone), batteries and devices. A building
 * leaving the registry clears its keyed state; a battery or device leaving is forgotten.
 */
public class DrExecutionFunction
    extends KeyedBroadcastProcessFunction<String, DrInput, RegistryChange, DrOutput> {

  /** Registry key → JSON of buildings, batteries and devices. */
  public static final MapStateDescriptor<String, String> REGISTRY =
      new MapStateDescriptor<>("dr-registry", Types.STRING, Types.STRING);

  static final MapStateDescriptor<String, SensorPower> SENSORS = DispatchFunction.SENSORS;
  static final MapStateDescriptor<String, BatteryReading> BATTERIES = DispatchFunction.BATTERIES;
  static final MapStateDescriptor<String, DeviceReading> DEVICES =
      new MapStateDescriptor<>(
          "device-state", Types.STRING, TypeInformation.of(DeviceReading.class));
  static final MapStateDescriptor<String, Double> SETPOINTS =
      new MapStateDescriptor<>("own-setpoint", Types.STRING, Types.DOUBLE);
  static final MapStateDescriptor<Long, ImportBucket> HISTORY =
      new MapStateDescriptor<>(
          "import-history", Types.LONG, TypeInformation.of(ImportBucket.class));
  static final MapStateDescriptor<Long, Boolean> EVENT_DAYS =
      new MapStateDescriptor<>("event-days", Types.LONG, Types.BOOLEAN);
  static final MapStateDescriptor<String, DrInvitation> INVITATIONS =
      new MapStateDescriptor<>("invitations", Types.STRING, TypeInformation.of(DrInvitation.class));
  static final ValueStateDescriptor<EventRun> RUN =
      new ValueStateDescriptor<>("run", TypeInformation.of(EventRun.class));
  static final MapStateDescriptor<String, DeviceHold> HOLDS =
      new MapStateDescriptor<>("holds", Types.STRING, TypeInformation.of(DeviceHold.class));
  static final MapStateDescriptor<String, Instant> RELEASED =
      new MapStateDescriptor<>("released", Types.STRING, Types.INSTANT);
  static final MapStateDescriptor<String, String> EXCLUDED =
      new MapStateDescriptor<>("excluded", Types.STRING, Types.STRING);
  static final MapStateDescriptor<String, Instant> COMMANDED =
      new MapStateDescriptor<>("commanded-batteries", Types.STRING, Types.INSTANT);
  static final ValueStateDescriptor<Long> NEXT_TICK =
      new ValueStateDescriptor<>("next-tick", Types.LONG);

  /** Holds in dispatch order: by when they began, then the planner's device order. */
  private static final Comparator<DeviceHold> HOLD_ORDER =
      Comparator.comparing(DeviceHold::since)
          .thenComparing(h -> h.kind().ordinal())
          .thenComparing(Comparator.comparingDouble(DeviceHold::shedW).reversed())
          .thenComparing(DeviceHold::deviceId);

  private final DrJobConfig config;
  private transient MapState<String, SensorPower> sensors;
  private transient MapState<String, BatteryReading> batteries;
  private transient MapState<String, DeviceReading> devices;
  private transient MapState<String, Double> setpoints;
  private transient MapState<Long, ImportBucket> history;
  private transient MapState<Long, Boolean> eventDays;
  private transient MapState<String, DrInvitation> invitations;
  private transient ValueState<EventRun> run;
  private transient MapState<String, DeviceHold> holds;
  private transient MapState<String, Instant> released;
  private transient MapState<String, String> excluded;
  private transient MapState<String, Instant> commanded;
  private transient ValueState<Long> nextTick;
  private transient Counter commandsIssued;
  private transient Counter redispatches;
  private transient Counter malformedRegistryRecords;

  public DrExecutionFunction(DrJobConfig config) {
    this.config = config;
  }

  @Override
  public void open(OpenContext openContext) {
    var rc = getRuntimeContext();
    sensors = rc.getMapState(SENSORS);
    batteries = rc.getMapState(BATTERIES);
    devices = rc.getMapState(DEVICES);
    setpoints = rc.getMapState(SETPOINTS);
    history = rc.getMapState(HISTORY);
    eventDays = rc.getMapState(EVENT_DAYS);
    invitations = rc.getMapState(INVITATIONS);
    run = rc.getState(RUN);
    holds = rc.getMapState(HOLDS);
    released = rc.getMapState(RELEASED);
    excluded = rc.getMapState(EXCLUDED);
    commanded = rc.getMapState(COMMANDED);
    nextTick = rc.getState(NEXT_TICK);
    commandsIssued = rc.getMetricGroup().counter("drCommands");
    redispatches = rc.getMetricGroup().counter("drRedispatches");
    malformedRegistryRecords = rc.getMetricGroup().counter("malformedRegistryRecords");
  }

  @Override
  public void processElement(DrInput in, ReadOnlyContext ctx, Collector<DrOutput> out)
      throws Exception {
    switch (in.kind()) {
      case POWER ->
          sensors.put(in.id(), SensorPower.next(sensors.get(in.id()), in.measurement().sample()));
      case BATTERY -> {
        BatteryReading previous = batteries.get(in.id());
        if (previous == null || !previous.at().isAfter(in.at())) {
          var m = in.measurement();
          batteries.put(in.id(), new BatteryReading(m.socPercent(), m.powerW(), m.at()));
        }
      }
      case DEVICE -> {
        DeviceReading previous = devices.get(in.id());
        if (previous == null || !previous.at().isAfter(in.at())) {
          devices.put(in.id(), in.device());
        }
      }
      case INVITATION -> onInvitation(in.invitation(), ctx.timerService(), out);
      case STATUS -> onStatus(in, out);
    }
    startChain(ctx.timerService(), in.at());
  }

  private void onInvitation(DrInvitation inv, TimerService timers, Collector<DrOutput> out)
      throws Exception {
    EventRun current = run.value();
    boolean running = current != null && current.eventId().equals(inv.id());
    for (SystemEvent e : DrEvents.lifecycle(inv, running)) {
      out.collect(DrOutput.of(e));
    }
    if (!inv.committed() && !running) {
      invitations.remove(inv.id());
      deleteTimers(timers, inv);
      return;
    }
    // A running event stays in state even when cancelled: the next evaluation ends it.
    invitations.put(inv.id(), inv);
    if (inv.committed()) {
      for (Instant t : List.of(inv.start(), inv.end())) {
        if (t.toEpochMilli() > timers.currentWatermark()) {
          timers.registerEventTimeTimer(t.toEpochMilli());
        }
      }
    }
  }

  private void onStatus(DrInput in, Collector<DrOutput> out) throws Exception {
    TargetStatus s = in.status();
    if (s.appliedOwnSetpoint()) {
      setpoints.put(s.target(), s.setpoint());
      return;
    }
    EventRun current = run.value();
    if (current == null
        || !DrCommands.isFor(s.commandId(), current.eventId(), s.target())
        || excluded.contains(s.target())) {
      return;
    }
    String state = s.state().name().toLowerCase(java.util.Locale.ROOT);
    excluded.put(s.target(), state);
    redispatches.inc();
    DrInvitation inv = invitations.get(current.eventId());
    if (inv != null) {
      out.collect(DrOutput.of(DrEvents.redispatch(inv, s.target(), state, s.reason(), in.at())));
    }
    run.update(current.withNote(s.target() + " " + state + ": re-dispatching to the next target"));
  }

  private void startChain(TimerService timers, Instant at) throws Exception {
    if (nextTick.value() != null) {
      return;
    }
    long from =
        Math.max(timers.currentWatermark(), at == null ? Long.MIN_VALUE : at.toEpochMilli());
    if (from == Long.MIN_VALUE) {
      return; // an invitation before any event time: the next measurement starts the chain
    }
    long step = config.interval().toMillis();
    long next = (Math.floorDiv(from, step) + 1) * step;
    timers.registerEventTimeTimer(next);
    nextTick.update(next);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<DrOutput> out)
      throws Exception {
    Instant at = Instant.ofEpochMilli(timestamp);
    Long tick = nextTick.value();
    boolean chainTick = tick != null && tick == timestamp;
    String building = ctx.getCurrentKey();
    BuildingRegistry registry =
        new BuildingRegistry(ctx.getBroadcastState(REGISTRY).immutableEntries());
    ZoneId zone =
        registry
            .building(building)
            .map(Building::tariffOrDefault)
            .orElseGet(Tariffs::defaultTariff)
            .zone();
    prune(at, ctx.timerService());

    OptionalDouble importW = OptionalDouble.empty();
    if (chainTick) {
      importW = ImportHistory.gridImportW(values(sensors), values(batteries).stream().toList());
      if (importW.isPresent()) {
        long slot = ImportHistory.intervalStartMs(at.minusMillis(1));
        ImportBucket b = history.get(slot);
        history.put(slot, (b == null ? ImportBucket.EMPTY : b).add(importW.getAsDouble()));
      }
    }

    EventRun current = run.value();
    if (current != null) {
      DrInvitation inv = invitations.get(current.eventId());
      if (inv == null) {
        clearEvent(); // defensive: its invitation vanished with its building
      } else if (!inv.committed()) {
        finish(building, current, inv, at, true, registry, ctx.timerService(), out);
      } else if (!at.isBefore(inv.end())) {
        finish(
            building, current.sampled(importW), inv, at, false, registry, ctx.timerService(), out);
      } else {
        step(building, current.sampled(importW), inv, at, chainTick, registry, out);
      }
    }
    if (run.value() == null) {
      DrInvitation due = dueInvitation(at);
      if (due != null) {
        EventRun started =
            DrVerification.start(
                due,
                at,
                toMap(history),
                zone,
                localDays(eventDays),
                config.method(),
                config.sameDayAdjustment());
        eventDays.put(LocalDate.ofInstant(due.start(), zone).toEpochDay(), true);
        List<String> controlled = step(building, started, due, at, true, registry, out);
        out.collect(DrOutput.of(DrEvents.started(due, at, controlled)));
      }
    }

    if (chainTick) {
      if (sensors.isEmpty()
          && batteries.isEmpty()
          && devices.isEmpty()
          && invitations.isEmpty()
          && run.value() == null) {
        // Nothing fresh to sample and nothing to execute: the chain stops (the next input starts
        // it again). The import history stays: it is bounded by the retention and is the
        // building's baseline.
        setpoints.clear();
        nextTick.clear();
        return;
      }
      long next = timestamp + config.interval().toMillis();
      ctx.timerService().registerEventTimeTimer(next);
      nextTick.update(next);
    }
  }

  /** One evaluation of the running event; returns the targets it controls, in dispatch order. */
  private List<String> step(
      String building,
      EventRun current,
      DrInvitation inv,
      Instant at,
      boolean mayReport,
      BuildingRegistry registry,
      Collector<DrOutput> out)
      throws Exception {
    List<DeviceHold> held = new ArrayList<>(values(holds));
    held.sort(HOLD_ORDER);
    DrDispatch d =
        DrDispatchPlanner.plan(
            new DrDispatchInputs(
                at,
                config.interval(),
                Duration.between(at, inv.end()),
                inv.requestedKw() * 1000.0,
                DrVerification.targetImportW(current, inv, at),
                SensorPower.netLoadW(values(sensors)).orElse(Double.NaN),
                batteryInputs(registry.batteriesOf(building)),
                deviceInputs(registry.devicesOf(building)),
                held,
                keys(released),
                keys(excluded),
                toStringMap(setpoints)));
    holds.clear();
    for (DeviceHold h : d.holds()) {
      holds.put(h.deviceId(), h);
    }
    for (String id : d.newlyReleased()) {
      released.put(id, at);
    }
    for (var b : d.batteries()) {
      commanded.put(b.batteryId(), at);
      emit(out, DrCommands.battery(inv.id(), building, b, at, config.commandValidity()));
    }
    for (DrDeviceStep s : d.curtail()) {
      emit(out, DrCommands.curtail(inv.id(), building, s, at, config.commandValidity()));
    }
    for (DrDeviceStep s : d.restore()) {
      emit(out, DrCommands.restore(inv.id(), building, s, at, config.commandValidity()));
    }
    EventRun next = d.note().isEmpty() ? current : current.withNote(d.note());
    boolean due =
        next.lastReportAt() == null
            || !at.isBefore(next.lastReportAt().plus(config.reportInterval()));
    if (mayReport && due) {
      DrExecution report =
          DrVerification.report(next, inv, at, DrEventStatus.ACTIVE, d.controlled());
      out.collect(DrOutput.of(DrReport.of(report)));
      next = next.reported(at);
    }
    run.update(next);
    return d.controlled();
  }

  private void finish(
      String building,
      EventRun current,
      DrInvitation inv,
      Instant at,
      boolean cancelled,
      BuildingRegistry registry,
      TimerService timers,
      Collector<DrOutput> out)
      throws Exception {
    List<DeviceHold> held = new ArrayList<>(values(holds));
    held.sort(HOLD_ORDER);
    String reason = cancelled ? "DR event cancelled: restore" : "DR event ended: restore";
    for (DrDeviceStep s : DrDispatchPlanner.restoreAll(held, reason)) {
      emit(out, DrCommands.restore(inv.id(), building, s, at, config.commandValidity()));
    }
    List<String> controlled = new ArrayList<>();
    for (String battery : sortedKeys(commanded)) {
      if (!excluded.contains(battery)) {
        emit(out, DrCommands.release(inv.id(), building, battery, at, config.commandValidity()));
      }
      controlled.add(battery);
    }
    held.forEach(h -> controlled.add(h.deviceId()));
    DrExecution last =
        DrVerification.report(
            current.withNote(
                (cancelled ? "cancelled" : "completed")
                    + ": devices restored, batteries back to normal dispatch"),
            inv,
            at,
            cancelled ? DrEventStatus.CANCELLED : DrEventStatus.COMPLETED,
            controlled);
    out.collect(DrOutput.of(DrReport.of(last)));
    out.collect(DrOutput.of(DrEvents.finished(inv, last, cancelled)));
    invitations.remove(inv.id());
    deleteTimers(timers, inv);
    clearEvent();
  }

  private void emit(Collector<DrOutput> out, io.voltstream.model.command.Command c) {
    commandsIssued.inc();
    out.collect(DrOutput.of(c));
  }

  /** The committed invitation whose window holds {@code at}, earliest start first. */
  private DrInvitation dueInvitation(Instant at) throws Exception {
    DrInvitation due = null;
    for (DrInvitation inv : values(invitations)) {
      if (inv.committed()
          && !at.isBefore(inv.start())
          && at.isBefore(inv.end())
          && (due == null || inv.start().isBefore(due.start()))) {
        due = inv;
      }
    }
    return due;
  }

  private List<DrDispatchInputs.BatteryInput> batteryInputs(List<BatterySpec> specs)
      throws Exception {
    List<DrDispatchInputs.BatteryInput> out = new ArrayList<>();
    for (BatterySpec s : specs) {
      BatteryReading r = batteries.get(s.id());
      if (r != null) {
        out.add(new DrDispatchInputs.BatteryInput(s, r.socPercent()));
      }
    }
    return out;
  }

  /**
   * Each device with its latest observation: the flexibility job's device report or its meter's
   * reading, whichever is newer (a device without either is never held: its load is unknown).
   */
  private List<DrDispatchInputs.DeviceInput> deviceInputs(List<DeviceSpec> specs) throws Exception {
    List<DrDispatchInputs.DeviceInput> out = new ArrayList<>();
    for (DeviceSpec s : specs) {
      DeviceReading report = devices.get(s.id());
      SensorPower meter = sensors.get(s.meterId());
      if (meter != null
          && !Double.isNaN(meter.powerW())
          && (report == null || meter.at().isAfter(report.at()))) {
        out.add(
            new DrDispatchInputs.DeviceInput(
                s, meter.powerW(), meter.powerW() >= DrDispatchPlanner.MIN_DEVICE_W));
      } else if (report != null) {
        out.add(new DrDispatchInputs.DeviceInput(s, report.powerW(), report.on()));
      } else {
        out.add(new DrDispatchInputs.DeviceInput(s, Double.NaN, false));
      }
    }
    return out;
  }

  private void prune(Instant at, TimerService timers) throws Exception {
    Instant staleBefore = at.minus(config.staleAfter());
    removeWhere(sensors, p -> p.at().isBefore(staleBefore));
    removeWhere(batteries, r -> r.at().isBefore(staleBefore));
    removeWhere(devices, r -> r.at().isBefore(staleBefore));
    if (ImportHistory.intervalStartMs(at) == at.toEpochMilli()) {
      // Once per quarter hour: drop history (and event days) older than the retention.
      long oldest = at.minus(config.history()).toEpochMilli();
      removeWhere(history, (k, v) -> k < oldest);
      long oldestDay =
          LocalDate.ofInstant(at.minus(config.history()), ZoneId.of("UTC")).toEpochDay() - 1;
      removeWhere(eventDays, (k, v) -> k < oldestDay);
    }
    EventRun current = run.value();
    List<DrInvitation> gone = new ArrayList<>();
    for (DrInvitation inv : values(invitations)) {
      boolean running = current != null && current.eventId().equals(inv.id());
      if (!running && (!inv.committed() || !at.isBefore(inv.end()))) {
        gone.add(inv);
      }
    }
    for (DrInvitation inv : gone) {
      invitations.remove(inv.id());
      deleteTimers(timers, inv);
    }
  }

  private static void deleteTimers(TimerService timers, DrInvitation inv) {
    timers.deleteEventTimeTimer(inv.start().toEpochMilli());
    timers.deleteEventTimeTimer(inv.end().toEpochMilli());
  }

  private void clearEvent() {
    run.clear();
    holds.clear();
    released.clear();
    excluded.clear();
    commanded.clear();
  }

  private void clearAll() {
    clearEvent();
    sensors.clear();
    batteries.clear();
    devices.clear();
    setpoints.clear();
    history.clear();
    eventDays.clear();
    invitations.clear();
    nextTick.clear();
  }

  @Override
  public void processBroadcastElement(RegistryChange change, Context ctx, Collector<DrOutput> out)
      throws Exception {
    RegistryKey key = change.key();
    if (key == null
        || (key.kind() != RegistryKey.Kind.BUILDING
            && key.kind() != RegistryKey.Kind.BATTERY
            && key.kind() != RegistryKey.Kind.DEVICE)) {
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
    switch (key.kind()) {
      case BATTERY -> ctx.applyToKeyedState(BATTERIES, (b, state) -> state.remove(key.id()));
      case DEVICE -> {
        ctx.applyToKeyedState(DEVICES, (b, state) -> state.remove(key.id()));
        ctx.applyToKeyedState(SETPOINTS, (b, state) -> state.remove(key.id()));
      }
      default -> {
        // The building left: forget everything about it, its history and events included; its
        // timers then find nothing and stop.
        for (MapStateDescriptor<?, ?> d :
            List.of(
                SENSORS,
                BATTERIES,
                DEVICES,
                SETPOINTS,
                HISTORY,
                EVENT_DAYS,
                INVITATIONS,
                HOLDS,
                RELEASED,
                EXCLUDED,
                COMMANDED)) {
          ctx.applyToKeyedState(d, (b, state) -> clearIf(b, key.id(), state));
        }
        ctx.applyToKeyedState(RUN, (b, state) -> clearIf(b, key.id(), state));
        ctx.applyToKeyedState(NEXT_TICK, (b, state) -> clearIf(b, key.id(), state));
      }
    }
  }

  private static void clearIf(
      String building, String gone, org.apache.flink.api.common.state.State state) {
    if (building.equals(gone)) {
      state.clear();
    }
  }

  private static Set<String> keys(MapState<String, ?> state) throws Exception {
    Set<String> set = new HashSet<>();
    state.keys().forEach(set::add);
    return set;
  }

  private static List<String> sortedKeys(MapState<String, ?> state) throws Exception {
    List<String> list = new ArrayList<>(keys(state));
    list.sort(Comparator.naturalOrder());
    return list;
  }

  private static Map<Long, ImportBucket> toMap(MapState<Long, ImportBucket> state)
      throws Exception {
    Map<Long, ImportBucket> map = new HashMap<>();
    for (Map.Entry<Long, ImportBucket> e : state.entries()) {
      map.put(e.getKey(), e.getValue());
    }
    return map;
  }

  private static Map<String, Double> toStringMap(MapState<String, Double> state) throws Exception {
    Map<String, Double> map = new HashMap<>();
    for (Map.Entry<String, Double> e : state.entries()) {
      map.put(e.getKey(), e.getValue());
    }
    return map;
  }

  private static Set<LocalDate> localDays(MapState<Long, Boolean> state) throws Exception {
    Set<LocalDate> days = new HashSet<>();
    for (Long d : state.keys()) {
      days.add(LocalDate.ofEpochDay(d));
    }
    return days;
  }
}
