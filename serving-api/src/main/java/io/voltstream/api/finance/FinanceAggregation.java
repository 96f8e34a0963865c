package io.voltstream.api.finance;

import io.voltstream.api.finance.dto.FinancialFigures;
import io.voltstream.influx.Schema;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums InfluxDB buckets of {@code building_finance} (hours or quarter hours, UTC-aligned) into the
 * local periods of a {@link FinanceResolution} in the building's zone, and derives each period's
 * figures. Pure.
 *
 * <p>Self-consumption % = (generation − export) / generation, the share of local generation used on
 * site (null without generation). Self-sufficiency % = (consumption − import) / consumption, the
 * share of consumption not drawn from the grid, clamped to 0 … 100 (charging batteries from the
 * grid can make import exceed consumption; null without consumption).
 */
public final class FinanceAggregation {
  private static final Schema.BuildingFinance F = Schema.BUILDING_FINANCE;

  private FinanceAggregation() {}

  /** One InfluxDB bucket: its start and sums. */
  public record Bucket(Instant start, FinanceSums sums) {}

  /** The periods holding buckets, in time order (periods without rows are left out). */
  public static List<FinancialFigures> periods(
      List<Bucket> buckets, ZoneId zone, FinanceResolution resolution) {
    Map<Instant, FinanceSums> byPeriod = new TreeMap<>();
    for (Bucket b : buckets) {
      byPeriod.merge(resolution.periodStart(b.start(), zone), b.sums(), FinanceSums::plus);
    }
    List<FinancialFigures> out = new ArrayList<>();
    byPeriod.forEach(
        (start, sums) -> out.add(figures(start, resolution.nextPeriodStart(start, zone), sums)));
    return out;
  }

  /** The sums of every bucket. */
  public static FinanceSums total(List<Bucket> buckets) {
    FinanceSums sum = FinanceSums.ZERO;
    for (Bucket b : buckets) {
      sum = sum.plus(b.sums());
    }
    return sum;
  }

  /** The figures of [start, end) from its sums. */
  public static FinancialFigures figures(Instant start, Instant end, FinanceSums s) {
    double consumption = s.get(F.consumptionKwh);
    double generation = s.get(F.generationKwh);
    double imported = s.get(F.importKwh);
    double exported = s.get(F.exportKwh);
    return new FinancialFigures(
        start,
        end,
        s.slots(),
        s.slots() == 0 ? null : s.meteredShareSum() / s.slots(),
        s.get(F.energyCostEur),
        s.get(F.feedInRevenueEur),
        s.get(F.p2pPaidEur),
        s.get(F.p2pReceivedEur),
        s.get(F.p2pSavingsEur),
        s.get(F.batterySavingsEur),
        s.get(F.drSavingsEur),
        s.get(F.netCostEur),
        consumption,
        generation,
        imported,
        exported,
        s.get(F.selfConsumedKwh),
        s.get(F.batteryChargeKwh),
        s.get(F.batteryDischargeKwh),
        generation > 0 ? 100 * clamp01((generation - exported) / generation) : null,
        consumption > 0 ? 100 * clamp01((consumption - imported) / consumption) : null,
        s.get(F.co2Kg),
        s.get(F.co2WithoutP2pKg),
        s.get(F.co2WithoutPvKg),
        s.get(F.co2WithoutBatteryKg));
  }

  private static double clamp01(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
