package io.voltstream.jobs.roommetrics;

import io.voltstream.energy.tariff.Tariff;
import io.voltstream.energy.tariff.Tariffs;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.logic.RoomCost;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.RoomMetrics;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Prices each room window ({@link RoomCost}) at its building's tariff, kept from the registry's
 * buildings as broadcast state (building key → JSON); a building without a tariff, or not
 * registered, is priced at the documented default tariff.
 *
 * <pre>{@code
 * metrics.connect(registry.broadcast(RoomCostFunction.BUILDINGS)).process(new RoomCostFunction())
 * }</pre>
 */
public class RoomCostFunction
    extends BroadcastProcessFunction<RoomMetrics, RegistryChange, RoomMetrics> {

  /** Registry key → JSON of the buildings. */
  public static final MapStateDescriptor<String, String> BUILDINGS =
      new MapStateDescriptor<>("room-cost-buildings", Types.STRING, Types.STRING);

  /** Registry key → JSON read before the job started (the replay's seed); empty when live. */
  private final HashMap<String, String> seed;

  private transient Counter malformedRegistryRecords;

  /** The live job's function: buildings come from the broadcast stream alone. */
  public RoomCostFunction() {
    this(Map.of());
  }

  /**
   * With a registry snapshot for buildings not yet broadcast (see {@link
   * RoomAssignmentFunction#RoomAssignmentFunction(Map)}).
   */
  public RoomCostFunction(Map<String, String> seed) {
    this.seed = new HashMap<>(seed);
  }

  @Override
  public void open(OpenContext openContext) {
    malformedRegistryRecords =
        getRuntimeContext().getMetricGroup().counter("malformedRegistryRecords");
  }

  @Override
  public void processElement(RoomMetrics m, ReadOnlyContext ctx, Collector<RoomMetrics> out)
      throws Exception {
    String key = RegistryKey.building(m.building()).encode();
    ReadOnlyBroadcastState<String, String> buildings = ctx.getBroadcastState(BUILDINGS);
    String json = buildings.contains(key) ? buildings.get(key) : seed.get(key);
    Tariff tariff = parse(json).map(Building::tariffOrDefault).orElseGet(Tariffs::defaultTariff);
    out.collect(RoomCost.price(m, tariff));
  }

  @Override
  public void processBroadcastElement(
      RegistryChange change, Context ctx, Collector<RoomMetrics> out) throws Exception {
    if (!applyBuildingChange(change, ctx.getBroadcastState(BUILDINGS))) {
      malformedRegistryRecords.inc();
    }
  }

  /**
   * Keeps {@code state} equal to the registry's buildings (also the settlement job's view); other
   * kinds are ignored. False when the value was malformed (the caller counts it; the previous entry
   * stays).
   */
  public static boolean applyBuildingChange(
      RegistryChange change, BroadcastState<String, String> state) throws Exception {
    RegistryKey key = change.key();
    if (key == null || key.kind() != RegistryKey.Kind.BUILDING) {
      return true;
    }
    if (change.isTombstone()) {
      state.remove(key.encode());
    } else if (parse(change.json()).isPresent()) {
      state.put(key.encode(), change.json());
    } else {
      return false;
    }
    return true;
  }

  private static Optional<Building> parse(String json) {
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(Json.MAPPER.readValue(json, Building.class));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
