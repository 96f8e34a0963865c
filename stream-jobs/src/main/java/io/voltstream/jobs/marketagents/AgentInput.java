package io.voltstream.jobs.marketagents;

import io.voltstream.jobs.dispatch.DispatchInput;
import io.voltstream.model.market.OrderUpdate;

/**
 * Everything the per-building agent operator consumes, as one record so the inputs can be unioned
 * and keyed by building: a measurement or forecast in the dispatch job's shape ({@link
 * DispatchInput}: {@code POWER}, {@code BATTERY}, {@code FORECAST}), or the market job's status of
 * one of the building's orders.
 *
 * @param building the building (the key)
 * @param measurement a power reading, battery report or forecast batch; null for a status
 * @param status an order's status; null for a measurement
 */
public record AgentInput(String building, DispatchInput measurement, OrderUpdate status) {

  public static AgentInput of(DispatchInput in) {
    return new AgentInput(in.building(), in, null);
  }

  public static AgentInput of(OrderUpdate update) {
    return new AgentInput(update.building(), null, update);
  }
}
