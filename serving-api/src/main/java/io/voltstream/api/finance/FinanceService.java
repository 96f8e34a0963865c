package io.voltstream.api.finance;

import io.voltstream.api.finance.dto.FinancialFigures;
import io.voltstream.api.finance.dto.FinancialReport;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.api.query.Inputs;
import io.voltstream.influx.Field;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Financial and CO2 figures of a building or room from InfluxDB {@code building_finance} (the
 * settlement job's 15-minute rows): InfluxDB sums the rows per UTC hour ({@code GROUP BY
 * time(1h)}), per quarter hour in zones whose offset is not a whole number of hours, and {@link
 * FinanceAggregation} sums those buckets into local hours, days and months of the building's zone
 * (InfluxQL cannot group by calendar months).
 */
public final class FinanceService {
  private static final Schema.BuildingFinance F = Schema.BUILDING_FINANCE;
  static final String SLOTS = "slots";
  static final String CURRENCY = "EUR";

  private final InfluxReader influx;

  public FinanceService(InfluxReader influx) {
    this.influx = influx;
  }

  /**
   * A checked request.
   *
   * @param room null = the building's own rows
   */
  public record Query(
      String building,
      String room,
      ZoneId zone,
      FinanceResolution resolution,
      Instant from,
      Instant to) {}

  public FinancialReport report(Query q) {
    List<FinanceAggregation.Bucket> buckets = buckets(q);
    List<FinancialFigures> periods = FinanceAggregation.periods(buckets, q.zone(), q.resolution());
    return new FinancialReport(
        q.building(),
        q.room(),
        Inputs.lower(q.resolution()),
        q.zone().getId(),
        CURRENCY,
        q.from(),
        q.to(),
        periods,
        FinanceAggregation.figures(q.from(), q.to(), FinanceAggregation.total(buckets)));
  }

  /** The sums of the rows per InfluxDB bucket. */
  List<FinanceAggregation.Bucket> buckets(Query q) {
    InfluxQuery query = InfluxQuery.of("SELECT ");
    for (Field f : FinanceSums.SUMMED) {
      query.aggregate("sum", f).text(", ");
    }
    query
        .aggregate("sum", F.meteredShare)
        .text(", ")
        .aggregate("count", F.meteredShare, SLOTS)
        .text(" FROM ")
        .from(F)
        .text(" WHERE ")
        .eq(F.building, "building", q.building())
        .text(" AND ");
    if (q.room() == null) {
      query.column(F.scope).text(" = 'building'");
    } else {
      query.column(F.scope).text(" = 'room' AND ").eq(F.room, "room", q.room());
    }
    query
        .text(" AND time >= ")
        .time(q.from())
        .text(" AND time < ")
        .time(q.to())
        .text(" GROUP BY time(")
        .duration(bucket(q.zone(), q.from(), q.to()))
        .text(") fill(none)");
    List<FinanceAggregation.Bucket> out = new ArrayList<>();
    for (Series s : influx.query(query)) {
      for (List<Object> row : s.values()) {
        Map<String, Double> values = new HashMap<>();
        for (Field f : FinanceSums.SUMMED) {
          Double v = Series.number(row, s.column(f));
          if (v != null) {
            values.put(f.name(), v);
          }
        }
        Double slots = Series.number(row, s.column(SLOTS));
        Double share = Series.number(row, s.column(F.meteredShare));
        out.add(
            new FinanceAggregation.Bucket(
                s.time(row),
                new FinanceSums(
                    values, slots == null ? 0 : slots.longValue(), share == null ? 0 : share)));
      }
    }
    return out;
  }

  /**
   * One hour, unless the zone's offset in [from, to) is not a whole number of hours somewhere (e.g.
   * India, +05:30): then a quarter hour, so every bucket lies inside one local hour.
   */
  static Duration bucket(ZoneId zone, Instant from, Instant to) {
    ZoneRules rules = zone.getRules();
    if (rules.getOffset(from).getTotalSeconds() % 3600 != 0) {
      return Duration.ofMinutes(15);
    }
    ZoneOffsetTransition t = rules.nextTransition(from);
    while (t != null && t.getInstant().isBefore(to)) {
      if (t.getOffsetAfter().getTotalSeconds() % 3600 != 0) {
        return Duration.ofMinutes(15);
      }
      t = rules.nextTransition(t.getInstant());
    }
    return Duration.ofHours(1);
  }
}
