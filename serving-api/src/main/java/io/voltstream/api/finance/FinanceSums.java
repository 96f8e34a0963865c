package io.voltstream.api.finance;

import io.voltstream.influx.Field;
import io.voltstream.influx.Schema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums of {@code building_finance} rows: every additive field (kWh, €, kg) by its schema name, the
 * number of 15-minute slots and the sum of their {@code metered_share}. Ratios (self-consumption,
 * self-sufficiency, the mean metered share) are computed from these sums, never averaged.
 */
public record FinanceSums(Map<String, Double> values, long slots, double meteredShareSum) {
  private static final Schema.BuildingFinance F = Schema.BUILDING_FINANCE;

  /** The additive fields: all but {@code metered_share}. */
  public static final List<Field> SUMMED =
      F.fields().stream().filter(f -> !f.equals(F.meteredShare)).toList();

  public static final FinanceSums ZERO = new FinanceSums(Map.of(), 0, 0);

  public FinanceSums {
    values = Map.copyOf(values);
  }

  /** The sum of {@code field} (0 when no row had it). */
  public double get(Field field) {
    return values.getOrDefault(field.name(), 0.0);
  }

  public FinanceSums plus(FinanceSums o) {
    Map<String, Double> sum = new HashMap<>(values);
    o.values.forEach((k, v) -> sum.merge(k, v, Double::sum));
    return new FinanceSums(sum, slots + o.slots, meteredShareSum + o.meteredShareSum);
  }
}
