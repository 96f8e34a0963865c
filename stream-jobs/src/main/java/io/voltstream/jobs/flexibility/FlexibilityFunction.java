package io.voltstream.jobs.flexibility;

import io.voltstream.energy.battery.BatteryState;
import io.voltstream.energy.battery.PowerConvention;
import io.voltstream.energy.flex.BuildingFlexibility;
import io.voltstream.energy.flex.BuildingFlexibility.BatteryInput;
import io.voltstream.energy.flex.BuildingFlexibility.DeviceInput;
import io.voltstream.jobs.MapStates;
import io.voltstream.jobs.dispatch.DispatchInput;
import io.voltstream.jobs.dispatch.logic.BatteryReading;
import io.voltstream.jobs.dispatch.logic.SensorPower;
import io.voltstream.jobs.flexibility.logic.BuildingRegistry;
import io.voltstream.jobs.flexibility.logic.FlexReports;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.model.FlexibilityReport;
import io.voltstream.model.RegistryKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
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
 * Continuous flexibility, keyed by building: keeps the latest power of each device meter and the
 * latest state of each battery, and every {@code interval} of event time (an event-time timer chain
 * on the watermark) emits a {@link FlexibilityReport} for every device, room and the building,
 * computed by the energy module ({@link BuildingFlexibility}).
 *
 * <p>Broadcast side: the registry's buildings, rooms, devices and batteries, as JSON by registry
 * key; a parsed per-building view is cached per instance and dropped at every registry change.
 *
 * <p>State stays bounded: only meters of registered devices and registered batteries are kept; they
 * are pruned by event time at every evaluation ({@code staleAfter}); a device, battery or building
 * leaving the registry removes what was kept for it; when nothing fresh is left the building's
 * state is cleared and the timer chain stops (the next input starts it again).
 */
public class FlexibilityFunction
    extends KeyedBroadcastProcessFunction<
        String, DispatchInput, RegistryChange, FlexibilityReport> {

  /** Registry key → JSON of buildings, rooms, devices and batteries. */
  public static final MapStateDescriptor<String, String> REGISTRY =
      new MapStateDescriptor<>("flexibility-registry", Types.STRING, Types.STRING);

  static final MapStateDescriptor<String, SensorPower> METERS =
      new MapStateDescriptor<>("meter-power", Types.STRING, TypeInformation.of(SensorPower.class));
  static final MapStateDescriptor<String, BatteryReading> BATTERIES =
      new MapStateDescriptor<>(
          "battery-state", Types.STRING, TypeInformation.of(BatteryReading.class));
  static final ValueStateDescriptor<Long> NEXT_EVALUATION =
      new ValueStateDescriptor<>("next-evaluation", Types.LONG);

  /**
   * Telemetry's state of health is optional; like dispatch, flexibility counts the nominal
   * capacity.
   */
  private static final double NOMINAL_SOH_PERCENT = 100.0;

  private final FlexibilityJobConfig config;
  private transient MapState<String, SensorPower> meters;
  private transient MapState<String, BatteryReading> batteries;
  private transient ValueState<Long> nextEvaluation;
  private transient BuildingRegistry cachedRegistry;
  private transient Counter reports;
  private transient Counter ignoredInputs;
  private transient Counter malformedRegistryRecords;

  public FlexibilityFunction(FlexibilityJobConfig config) {
    this.config = config;
  }

  @Override
  public void open(OpenContext openContext) {
    meters = getRuntimeContext().getMapState(METERS);
    batteries = getRuntimeContext().getMapState(BATTERIES);
    nextEvaluation = getRuntimeContext().getState(NEXT_EVALUATION);
    var metrics = getRuntimeContext().getMetricGroup();
    reports = metrics.counter("flexibilityReports");
    ignoredInputs = metrics.counter("inputsOfUnregisteredDevices");
    malformedRegistryRecords = metrics.counter("malformedRegistryRecords");
  }

  @Override
  public void processElement(
      DispatchInput in, ReadOnlyContext ctx, Collector<FlexibilityReport> out) throws Exception {
    BuildingRegistry.Entities registered =
        registry(ctx.getBroadcastState(REGISTRY).immutableEntries()).of(ctx.getCurrentKey());
    switch (in.kind()) {
      case POWER -> {
        if (!registered.isMeter(in.id())) {
          ignoredInputs.inc(); // most readings: not a device meter
          return;
        }
        meters.put(in.id(), SensorPower.next(meters.get(in.id()), in.sample()));
      }
      case BATTERY -> {
        if (!registered.hasBattery(in.id())) {
          ignoredInputs.inc();
          return;
        }
        BatteryReading previous = batteries.get(in.id());
        if (previous == null || !previous.at().isAfter(in.at())) {
          batteries.put(in.id(), new BatteryReading(in.socPercent(), in.powerW(), in.at()));
        }
      }
      default -> {
        ignoredInputs.inc();
        return;
      }
    }
    if (nextEvaluation.value() == null) {
      long step = config.interval().toMillis();
      long from = Math.max(ctx.currentWatermark(), in.at().toEpochMilli());
      long next = (Math.floorDiv(from, step) + 1) * step;
      ctx.timerService().registerEventTimeTimer(next);
      nextEvaluation.update(next);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<FlexibilityReport> out)
      throws Exception {
    Instant at = Instant.ofEpochMilli(timestamp);
    Instant staleBefore = at.minus(config.staleAfter());
    MapStates.removeWhere(meters, p -> p.at().isBefore(staleBefore));
    MapStates.removeWhere(batteries, r -> r.at().isBefore(staleBefore));
    if (meters.isEmpty() && batteries.isEmpty()) {
      nextEvaluation.clear();
      return;
    }
    String building = ctx.getCurrentKey();
    BuildingRegistry.Entities registered =
        registry(ctx.getBroadcastState(REGISTRY).immutableEntries()).of(building);
    List<DeviceInput> devices = new ArrayList<>();
    for (var spec : registered.devices()) {
      SensorPower p = meters.get(spec.meterId());
      devices.add(
          new DeviceInput(
              spec,
              p == null || Double.isNaN(p.powerW())
                  ? OptionalDouble.empty()
                  : OptionalDouble.of(p.powerW())));
    }
    List<BatteryInput> fleet = new ArrayList<>();
    for (var spec : registered.batteries()) {
      BatteryReading r = batteries.get(spec.id());
      fleet.add(
          new BatteryInput(
              spec,
              Optional.ofNullable(r)
                  .map(
                      x ->
                          new BatteryState(
                              spec.id(),
                              x.at(),
                              x.socPercent(),
                              PowerConvention.deviceToEnergyW(x.chargingPowerW()),
                              NOMINAL_SOH_PERCENT))));
    }
    for (FlexibilityReport report :
        FlexReports.of(building, at, BuildingFlexibility.of(registered.rooms(), devices, fleet))) {
      reports.inc();
      out.collect(report);
    }
    long next = timestamp + config.interval().toMillis();
    ctx.timerService().registerEventTimeTimer(next);
    nextEvaluation.update(next);
  }

  @Override
  public void processBroadcastElement(
      RegistryChange change, Context ctx, Collector<FlexibilityReport> out) throws Exception {
    RegistryKey key = change.key();
    if (!BuildingRegistry.isRelevant(key)) {
      return;
    }
    var state = ctx.getBroadcastState(REGISTRY);
    if (!change.isTombstone()) {
      if (!BuildingRegistry.parses(key, change.json())) {
        malformedRegistryRecords.inc();
        return;
      }
      String previous = state.get(key.encode());
      state.put(key.encode(), change.json());
      cachedRegistry = null;
      if (key.kind() == RegistryKey.Kind.DEVICE && previous != null) {
        // A device whose meter changed: the old meter's power no longer describes it.
        String oldMeter = BuildingRegistry.device(previous).map(d -> d.meterId()).orElse(null);
        String newMeter = BuildingRegistry.device(change.json()).map(d -> d.meterId()).orElse(null);
        if (oldMeter != null && !oldMeter.equals(newMeter)) {
          ctx.applyToKeyedState(METERS, (building, meters) -> meters.remove(oldMeter));
        }
      }
      return;
    }
    String previous = state.get(key.encode());
    state.remove(key.encode());
    cachedRegistry = null;
    switch (key.kind()) {
      case DEVICE -> {
        String meter =
            previous == null
                ? key.id()
                : BuildingRegistry.device(previous).map(d -> d.meterId()).orElse(key.id());
        ctx.applyToKeyedState(METERS, (building, meters) -> meters.remove(meter));
      }
      case BATTERY ->
          ctx.applyToKeyedState(BATTERIES, (building, batteries) -> batteries.remove(key.id()));
      case BUILDING -> {
        // The building left: forget what it measured; its timer then finds nothing and stops.
        ctx.applyToKeyedState(METERS, (building, meters) -> clearIf(building, key.id(), meters));
        ctx.applyToKeyedState(
            BATTERIES, (building, batteries) -> clearIf(building, key.id(), batteries));
      }
      default -> {}
    }
  }

  private BuildingRegistry registry(Iterable<Map.Entry<String, String>> entries) {
    if (cachedRegistry == null) {
      cachedRegistry = BuildingRegistry.of(entries);
    }
    return cachedRegistry;
  }

  private static void clearIf(String building, String gone, MapState<?, ?> state) {
    if (building.equals(gone)) {
      state.clear();
    }
  }
}
