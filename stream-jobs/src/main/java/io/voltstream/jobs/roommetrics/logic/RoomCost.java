package io.voltstream.jobs.roommetrics.logic;

import io.voltstream.energy.finance.GridPrices;
import io.voltstream.energy.tariff.Tariff;
import io.voltstream.model.RoomMetrics;

/**
 * The cost of a room's window: its net energy (consumption − generation) priced through the energy
 * module's one rule ({@link GridPrices#costEur}: import price for a net consumption, feed-in price
 * for a net export) at the building tariff's prices of the window start — the same rule the
 * settlement job's {@code building_finance} room rows apply per sample interval.
 */
public final class RoomCost {
  private RoomCost() {}

  /**
   * {@code m} with its cost; unchanged (cost null) when it carried neither energy nor generation.
   */
  public static RoomMetrics price(RoomMetrics m, Tariff tariff) {
    if (m.energyKwh() == null && m.generationKwh() == null) {
      return m;
    }
    double net = orZero(m.energyKwh()) - orZero(m.generationKwh());
    return m.withCostEur(GridPrices.of(tariff, m.windowStart()).costEur(net));
  }

  private static double orZero(Double v) {
    return v == null ? 0 : v;
  }
}
