package io.voltstream.jobs.roommetrics;

import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.logic.RegistryEntry;
import io.voltstream.jobs.roommetrics.logic.RoomAssignment;
import io.voltstream.jobs.roommetrics.logic.RoomReading;
import io.voltstream.model.SensorReading;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assigns each reading its room and building from the registry, held as broadcast state (the flat
 * view of {@link RegistryEntry}: {@code sensor:<id>} → room, {@code room:<name>} → building).
 * Registry tombstones remove their entry, so the state holds exactly the live registry.
 *
 * <p>Readings that arrive before the registry is loaded fall back to their payload room: the
 * registry topic is read from the earliest offset and is small, so this only affects the first
 * seconds after a start from scratch (restores come with the checkpointed view).
 */
public class RoomAssignmentFunction
    extends BroadcastProcessFunction<SensorReading, RegistryChange, RoomReading> {

  private static final Logger LOG = LoggerFactory.getLogger(RoomAssignmentFunction.class);

  /**
   * The broadcast registry view; also the descriptor the job broadcasts the registry stream with.
   */
  public static final MapStateDescriptor<String, String> REGISTRY_VIEW =
      new MapStateDescriptor<>("registry-view", Types.STRING, Types.STRING);

  private transient Counter malformedRegistryRecords;

  @Override
  public void open(OpenContext openContext) {
    malformedRegistryRecords =
        getRuntimeContext().getMetricGroup().counter("malformedRegistryRecords");
  }

  @Override
  public void processElement(SensorReading reading, ReadOnlyContext ctx, Collector<RoomReading> out)
      throws Exception {
    ReadOnlyBroadcastState<String, String> view = ctx.getBroadcastState(REGISTRY_VIEW);
    RoomAssignment assignment =
        RoomAssignment.assign(
            reading,
            key -> {
              try {
                return view.get(key);
              } catch (Exception e) {
                throw new IllegalStateException("broadcast state read failed", e);
              }
            });
    out.collect(RoomReading.of(reading, assignment));
  }

  @Override
  public void processBroadcastElement(
      RegistryChange change, Context ctx, Collector<RoomReading> out) throws Exception {
    if (!applyToView(change, ctx.getBroadcastState(REGISTRY_VIEW))) {
      malformedRegistryRecords.inc();
    }
  }

  /**
   * Applies one registry change to a {@link #REGISTRY_VIEW} (also used by the dispatch job, whose
   * battery → building lookup is the same view); false when the value was malformed (the caller
   * counts it, the previous entry stays).
   */
  public static boolean applyToView(RegistryChange change, BroadcastState<String, String> view)
      throws Exception {
    RegistryEntry entry = RegistryEntry.fromChange(change.key(), change.json());
    switch (entry.action()) {
      case PUT -> view.put(entry.viewKey(), entry.value());
      case DELETE -> view.remove(entry.viewKey());
      case MALFORMED -> {
        LOG.warn("Ignoring malformed registry value for key {}", entry.viewKey());
        return false;
      }
      case IGNORE -> {}
    }
    return true;
  }
}
