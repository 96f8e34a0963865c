package io.voltstream.jobs.batterystate;

import io.voltstream.jobs.batterystate.logic.BatteryStateRow;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.RoomAssignmentFunction;
import io.voltstream.model.BatteryTelemetry;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Tags each battery report with its building from the registry, held as broadcast state ({@code
 * battery:<id>} → building; registry tombstones remove the entry, so the state is exactly the live
 * registry's batteries and bounded by it). Reports of batteries the registry does not know get
 * {@code unassigned}.
 */
public class BatteryBuildingFunction
    extends BroadcastProcessFunction<BatteryTelemetry, RegistryChange, BatteryStateRow> {
  /** The broadcast view; also the descriptor the job broadcasts the registry with. */
  public static final MapStateDescriptor<String, String> BATTERY_BUILDINGS =
      new MapStateDescriptor<>("battery-buildings", Types.STRING, Types.STRING);

  private transient Counter malformedRegistryRecords;

  @Override
  public void open(OpenContext openContext) {
    malformedRegistryRecords =
        getRuntimeContext().getMetricGroup().counter("malformedRegistryRecords");
  }

  @Override
  public void processElement(
      BatteryTelemetry t, ReadOnlyContext ctx, Collector<BatteryStateRow> out) throws Exception {
    out.collect(
        BatteryStateRow.of(
            t,
            ctx.getBroadcastState(BATTERY_BUILDINGS).get(BatteryStateRow.viewKey(t.batteryId()))));
  }

  @Override
  public void processBroadcastElement(
      RegistryChange change, Context ctx, Collector<BatteryStateRow> out) throws Exception {
    if (BatteryStateRow.isBattery(change.key())
        && !RoomAssignmentFunction.applyToView(change, ctx.getBroadcastState(BATTERY_BUILDINGS))) {
      malformedRegistryRecords.inc();
    }
  }
}
