package io.voltstream.api.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.api.finance.dto.FinancialFigures;
import io.voltstream.influx.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sums of {@code building_finance} buckets into local hours, days and months of the building's zone
 * (DST and month boundaries), the ratios computed from summed kWh, and the InfluxDB bucket size per
 * zone.
 */
class FinanceAggregationTest {
  static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
  static final Schema.BuildingFinance F = Schema.BUILDING_FINANCE;

  static FinanceAggregation.Bucket bucket(String start, Object... fieldValues) {
    Map<String, Double> values = new HashMap<>();
    for (int i = 0; i < fieldValues.length; i += 2) {
      values.put(((io.voltstream.influx.Field) fieldValues[i]).name(), (Double) fieldValues[i + 1]);
    }
    return new FinanceAggregation.Bucket(Instant.parse(start), new FinanceSums(values, 4, 4.0));
  }

  /** One bucket per UTC hour in [from, to), each with 1 kWh consumed and 0.25 € cost. */
  static List<FinanceAggregation.Bucket> hourly(String from, String to) {
    List<FinanceAggregation.Bucket> out = new ArrayList<>();
    for (Instant t = Instant.parse(from); t.isBefore(Instant.parse(to)); t = t.plusSeconds(3600)) {
      out.add(bucket(t.toString(), F.consumptionKwh, 1.0, F.energyCostEur, 0.25));
    }
    return out;
  }

  @Test
  void shouldSumLocalDaysOfTwentyThreeHoursAcrossTheSpringDstChange() {
    // Brussels switches to CEST on 2026-03-29: that local day lasts 23 h (23:00Z → 22:00Z)
    List<FinancialFigures> days =
        FinanceAggregation.periods(
            hourly("2026-03-28T22:00:00Z", "2026-03-30T00:00:00Z"),
            BRUSSELS,
            FinanceResolution.DAY);
    assertThat(days)
        .extracting(FinancialFigures::periodStart)
        .containsExactly(
            Instant.parse("2026-03-27T23:00:00Z"),
            Instant.parse("2026-03-28T23:00:00Z"),
            Instant.parse("2026-03-29T22:00:00Z"));
    assertThat(days.get(1).periodEnd()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
    assertThat(days).extracting(FinancialFigures::consumptionKwh).containsExactly(1.0, 23.0, 2.0);
    assertThat(days.get(1).energyCostEur()).isEqualTo(5.75);
    assertThat(days.get(1).slots()).isEqualTo(92); // 23 buckets of 4 slots
  }

  @Test
  void shouldKeepTheRepeatedAutumnHourApart() {
    // 2026-10-25: 02:00–03:00 local happens twice (CEST, then CET)
    List<FinancialFigures> hours =
        FinanceAggregation.periods(
            hourly("2026-10-25T00:00:00Z", "2026-10-25T02:00:00Z"),
            BRUSSELS,
            FinanceResolution.HOUR);
    assertThat(hours).hasSize(2);
    assertThat(hours)
        .extracting(h -> Duration.between(h.periodStart(), h.periodEnd()))
        .containsOnly(Duration.ofHours(1));
  }

  @Test
  void shouldCutMonthsAtLocalMidnight() {
    // 2026-01-31T23:00Z is already 1 February in Brussels (UTC+1)
    List<FinancialFigures> months =
        FinanceAggregation.periods(
            List.of(
                bucket("2026-01-31T22:00:00Z", F.netCostEur, 1.0),
                bucket("2026-01-31T23:00:00Z", F.netCostEur, 2.0),
                bucket("2026-02-28T22:00:00Z", F.netCostEur, 4.0),
                bucket("2026-02-28T23:00:00Z", F.netCostEur, 8.0)),
            BRUSSELS,
            FinanceResolution.MONTH);
    assertThat(months)
        .extracting(FinancialFigures::periodStart)
        .containsExactly(
            Instant.parse("2025-12-31T23:00:00Z"),
            Instant.parse("2026-01-31T23:00:00Z"),
            Instant.parse("2026-02-28T23:00:00Z"));
    assertThat(months).extracting(FinancialFigures::netCostEur).containsExactly(1.0, 6.0, 8.0);
    assertThat(months.get(1).periodEnd()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
    // March ends when CEST has begun: 31 March 22:00Z
    assertThat(months.get(2).periodEnd()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
  }

  @Test
  void shouldComputeRatiosFromSummedKwhNotByAveragingRatios() {
    var a =
        bucket(
            "2026-06-01T10:00:00Z",
            F.generationKwh,
            10.0,
            F.exportKwh,
            8.0,
            F.consumptionKwh,
            4.0,
            F.importKwh,
            0.0);
    var b =
        bucket(
            "2026-06-01T20:00:00Z",
            F.generationKwh,
            2.0,
            F.exportKwh,
            0.0,
            F.consumptionKwh,
            6.0,
            F.importKwh,
            4.0);
    FinancialFigures day =
        FinanceAggregation.periods(List.of(a, b), BRUSSELS, FinanceResolution.DAY).get(0);
    // (12 − 8) / 12, not the mean of 20 % and 100 %
    assertThat(day.selfConsumptionPercent()).isCloseTo(100.0 * 4 / 12, within(1e-9));
    // (10 − 4) / 10
    assertThat(day.selfSufficiencyPercent()).isCloseTo(60.0, within(1e-9));
    assertThat(day.meteredShare()).isEqualTo(1.0);

    FinancialFigures total =
        FinanceAggregation.figures(
            Instant.EPOCH, Instant.EPOCH.plusSeconds(1), FinanceAggregation.total(List.of(a, b)));
    assertThat(total.generationKwh()).isEqualTo(12.0);
    assertThat(total.slots()).isEqualTo(8);
  }

  @Test
  void shouldClampSelfSufficiencyAndLeaveRatiosWithoutABaseNull() {
    // charging the battery from the grid: import above consumption
    FinancialFigures f =
        FinanceAggregation.figures(
            Instant.EPOCH,
            Instant.EPOCH,
            new FinanceSums(Map.of(F.consumptionKwh.name(), 2.0, F.importKwh.name(), 5.0), 1, 0.5));
    assertThat(f.selfSufficiencyPercent()).isEqualTo(0.0);
    assertThat(f.selfConsumptionPercent()).isNull();
    assertThat(f.meteredShare()).isEqualTo(0.5);
    FinancialFigures empty =
        FinanceAggregation.figures(Instant.EPOCH, Instant.EPOCH, FinanceSums.ZERO);
    assertThat(empty.selfSufficiencyPercent()).isNull();
    assertThat(empty.meteredShare()).isNull();
    assertThat(empty.co2Kg()).isZero();
  }

  @Test
  void shouldQueryQuarterHoursInZonesWithHalfHourOffsets() {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant to = Instant.parse("2026-12-31T00:00:00Z");
    assertThat(FinanceService.bucket(BRUSSELS, from, to)).isEqualTo(Duration.ofHours(1));
    assertThat(FinanceService.bucket(ZoneId.of("UTC"), from, to)).isEqualTo(Duration.ofHours(1));
    assertThat(FinanceService.bucket(ZoneId.of("Asia/Kolkata"), from, to))
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(FinanceService.bucket(ZoneId.of("America/St_Johns"), from, to))
        .isEqualTo(Duration.ofMinutes(15));
    // Lord Howe: +10:30 in winter, +11 in summer; January alone is whole-hour
    ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
    assertThat(FinanceService.bucket(lordHowe, from, from.plus(Duration.ofDays(30))))
        .isEqualTo(Duration.ofHours(1));
    assertThat(FinanceService.bucket(lordHowe, from, to)).isEqualTo(Duration.ofMinutes(15));
  }
}
