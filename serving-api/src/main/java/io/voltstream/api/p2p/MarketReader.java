package io.voltstream.api.p2p;

import io.voltstream.api.influx.InfluxReader;
import io.voltstream.api.p2p.dto.MarketStatusResponse.Clearing;
import io.voltstream.api.p2p.dto.SettlementResponse;
import io.voltstream.api.p2p.dto.TradeResponse;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import io.voltstream.influx.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads the market job's and the settlement job's InfluxDB measurements ({@code market_trades},
 * {@code market_clearing}, {@code settlements}), every name from {@link Schema} and every value
 * through {@link InfluxQuery}'s checks. {@code buildings} arguments restrict rows to those
 * buildings (null = all; empty = none, answered without a query).
 */
public final class MarketReader {
  private static final Schema.MarketTrades T = Schema.MARKET_TRADES;
  private static final Schema.MarketClearingPoints C = Schema.MARKET_CLEARING;
  private static final Schema.Settlements S = Schema.SETTLEMENTS;

  /** How far back the last clearing is looked for. */
  static final Duration CLEARING_LOOKBACK = Duration.ofDays(7);

  private final InfluxReader influx;

  public MarketReader(InfluxReader influx) {
    this.influx = influx;
  }

  /** Trades of slots in [from, to), newest slot first, at most {@code limit}. */
  public List<TradeResponse> trades(
      String market, Collection<String> buildings, Instant from, Instant to, int limit) {
    if (buildings != null && buildings.isEmpty()) {
      return List.of();
    }
    InfluxQuery q = InfluxQuery.of("SELECT * FROM ").from(T);
    window(q, from, to);
    if (market != null) {
      q.text(" AND ").eq(T.market, "market", market);
    }
    if (buildings != null) {
      anyOf(q, buildings, T.buyer, T.seller);
    }
    q.text(" ORDER BY time DESC LIMIT ").number(limit);
    List<TradeResponse> out = new ArrayList<>();
    for (Series s : influx.query(q)) {
      for (List<Object> row : s.values()) {
        double energy = orZero(Series.number(row, s.column(T.energyKwh)));
        double price = orZero(Series.number(row, s.column(T.priceEurPerKwh)));
        out.add(
            new TradeResponse(
                Series.string(row, s.column(T.tradeId)),
                Series.string(row, s.column(T.market)),
                // the point time is the slot start plus the trade's sequence number in milliseconds
                MarketSpec.slotOf(s.time(row)),
                Series.string(row, s.column(T.buyOrderId)),
                Series.string(row, s.column(T.sellOrderId)),
                Series.string(row, s.column(T.buyer)),
                Series.string(row, s.column(T.seller)),
                energy,
                price,
                energy * price,
                Series.string(row, s.column(T.mode)),
                millis(Series.number(row, s.column(T.matchedAt)))));
      }
    }
    return out;
  }

  /** Settlements of slots in [from, to), newest slot first, at most {@code limit}. */
  public List<SettlementResponse> settlements(
      Collection<String> buildings, Instant from, Instant to, int limit) {
    if (buildings != null && buildings.isEmpty()) {
      return List.of();
    }
    InfluxQuery q = InfluxQuery.of("SELECT * FROM ").from(S);
    window(q, from, to);
    if (buildings != null) {
      anyOf(q, buildings, S.building);
    }
    q.text(" ORDER BY time DESC LIMIT ").number(limit);
    List<SettlementResponse> out = new ArrayList<>();
    for (Series s : influx.query(q)) {
      for (List<Object> row : s.values()) {
        out.add(
            new SettlementResponse(
                Series.string(row, s.column(S.market)),
                s.time(row),
                Series.string(row, s.column(S.building)),
                Series.number(row, s.column(S.boughtKwh)),
                Series.number(row, s.column(S.soldKwh)),
                Series.number(row, s.column(S.paidEur)),
                Series.number(row, s.column(S.receivedEur)),
                Series.number(row, s.column(S.meteredNetKwh)),
                Series.number(row, s.column(S.deviationKwh)),
                Series.number(row, s.column(S.deviationEur)),
                Series.number(row, s.column(S.netCostEur)),
                Series.number(row, s.column(S.gridOnlyCostEur)),
                Series.number(row, s.column(S.savingsEur)),
                Series.number(row, s.column(S.meteredShare))));
      }
    }
    return out;
  }

  /** The latest slot of {@code market} cleared within {@link #CLEARING_LOOKBACK} before now. */
  public Optional<Clearing> lastClearing(String market, Instant now) {
    InfluxQuery q =
        InfluxQuery.of("SELECT * FROM ")
            .from(C)
            .text(" WHERE ")
            .eq(C.market, "market", market)
            .text(" AND time >= ")
            .time(now.minus(CLEARING_LOOKBACK))
            .text(" ORDER BY time DESC LIMIT 1");
    for (Series s : influx.query(q)) {
      for (List<Object> row : s.values()) {
        return Optional.of(
            new Clearing(
                s.time(row),
                Series.string(row, s.column(C.mode)),
                Series.number(row, s.column(C.priceEurPerKwh)),
                orZero(Series.number(row, s.column(C.volumeKwh))),
                (int) orZero(Series.number(row, s.column(C.orders))),
                (int) orZero(Series.number(row, s.column(C.bids))),
                (int) orZero(Series.number(row, s.column(C.offers))),
                (int) orZero(Series.number(row, s.column(C.trades))),
                (int) orZero(Series.number(row, s.column(C.participants))),
                millis(Series.number(row, s.column(C.clearedAt)))));
      }
    }
    return Optional.empty();
  }

  /** Energy traded [kWh] and trades for slots of {@code market} from {@code since} on. */
  public Volume volumeSince(String market, Instant since) {
    InfluxQuery q =
        InfluxQuery.of("SELECT ")
            .aggregate("sum", T.energyKwh)
            .text(", ")
            .aggregate("count", T.energyKwh, "trades")
            .text(" FROM ")
            .from(T)
            .text(" WHERE ")
            .eq(T.market, "market", market)
            .text(" AND time >= ")
            .time(since);
    for (Series s : influx.query(q)) {
      for (List<Object> row : s.values()) {
        return new Volume(
            orZero(Series.number(row, s.column(T.energyKwh))),
            (long) orZero(Series.number(row, s.column("trades"))));
      }
    }
    return new Volume(0, 0);
  }

  /** Energy traded and number of trades. */
  public record Volume(double energyKwh, long trades) {}

  private static void window(InfluxQuery q, Instant from, Instant to) {
    q.text(" WHERE time >= ").time(from).text(" AND time < ").time(to);
  }

  /** {@code AND ("a" = 'x' OR "b" = 'x' OR …)} over every building and tag. */
  private static void anyOf(InfluxQuery q, Collection<String> buildings, Tag... tags) {
    q.text(" AND (");
    boolean first = true;
    for (String b : buildings.stream().sorted().toList()) {
      for (Tag t : tags) {
        q.text(first ? "" : " OR ").eq(t, "building", b);
        first = false;
      }
    }
    q.text(")");
  }

  private static Instant millis(Double ms) {
    return ms == null ? null : Instant.ofEpochMilli(ms.longValue());
  }

  private static double orZero(Double v) {
    return v == null ? 0.0 : v;
  }
}
