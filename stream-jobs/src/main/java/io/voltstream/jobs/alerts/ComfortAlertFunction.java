package io.voltstream.jobs.alerts;

import io.voltstream.jobs.alerts.logic.AlertThresholds;
import io.voltstream.jobs.alerts.logic.ComfortRules;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SystemEvent;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * CO2 and temperature alerts from each room's window aggregate (stateless; rules in {@link
 * ComfortRules}).
 */
public class ComfortAlertFunction implements FlatMapFunction<RoomMetrics, SystemEvent> {

  private final AlertThresholds thresholds;

  public ComfortAlertFunction(AlertThresholds thresholds) {
    this.thresholds = thresholds;
  }

  @Override
  public void flatMap(RoomMetrics metrics, Collector<SystemEvent> out) {
    ComfortRules.evaluate(metrics, thresholds).forEach(out::collect);
  }
}
