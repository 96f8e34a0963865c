package io.voltstream.jobs.dispatch;

import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.RoomAssignmentFunction;
import io.voltstream.model.RegistryKey;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Gives battery telemetry (and manual commands that named no building) the building of their
 * battery, from the same registry view the room assignment keeps ({@code battery:<id>} → building).
 * Inputs whose battery is not registered are counted ({@code unknownBatteryInputs}) and not passed
 * on: dispatch cannot act on a battery it has no spec for.
 */
public class BatteryBuildingFunction
    extends BroadcastProcessFunction<DispatchInput, RegistryChange, DispatchInput> {

  private transient Counter unknownBatteryInputs;
  private transient Counter malformedRegistryRecords;

  @Override
  public void open(OpenContext openContext) {
    unknownBatteryInputs = getRuntimeContext().getMetricGroup().counter("unknownBatteryInputs");
    malformedRegistryRecords =
        getRuntimeContext().getMetricGroup().counter("malformedRegistryRecords");
  }

  @Override
  public void processElement(DispatchInput in, ReadOnlyContext ctx, Collector<DispatchInput> out)
      throws Exception {
    if (in.building() != null && !in.building().isBlank()) {
      out.collect(in);
      return;
    }
    String building =
        ctx.getBroadcastState(RoomAssignmentFunction.REGISTRY_VIEW)
            .get(RegistryKey.battery(in.id()).encode());
    if (building == null) {
      unknownBatteryInputs.inc();
      return;
    }
    out.collect(in.withBuilding(building));
  }

  @Override
  public void processBroadcastElement(
      RegistryChange change, Context ctx, Collector<DispatchInput> out) throws Exception {
    if (!RoomAssignmentFunction.applyToView(
        change, ctx.getBroadcastState(RoomAssignmentFunction.REGISTRY_VIEW))) {
      malformedRegistryRecords.inc();
    }
  }
}
