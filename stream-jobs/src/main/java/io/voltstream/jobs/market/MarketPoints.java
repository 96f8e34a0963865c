package io.voltstream.jobs.market;

import io.voltstream.influx.LinePoint;
import io.voltstream.influx.Schema;
import io.voltstream.model.market.MarketClearing;
import io.voltstream.model.market.MarketTrade;
import io.voltstream.model.market.OrderUpdate;
import java.util.Locale;

/**
 * Measurements {@code market_trades}, {@code market_clearing} and {@code market_orders} of the
 * market job's outputs. Timestamps are deterministic, so a replay rewrites the same points, and
 * distinct where one series would otherwise lose points (the sinks write millisecond precision): a
 * trade at its slot start + its sequence number in ms; an order update at its event time + its
 * position among the updates of one event in ms (at gate closure every order of a slot changes at
 * the same instant).
 */
public final class MarketPoints {
  private MarketPoints() {}

  public static String trade(MarketOutput out) {
    MarketTrade t = out.trade();
    var m = Schema.MARKET_TRADES;
    return LinePoint.of(m)
        .tag(m.market, t.market())
        .tag(m.buyer, t.buyer())
        .tag(m.seller, t.seller())
        .tag(m.mode, wire(t.mode()))
        .field(m.tradeId, t.id())
        .field(m.buyOrderId, t.buyOrderId())
        .field(m.sellOrderId, t.sellOrderId())
        .field(m.energyKwh, t.energyKwh())
        .field(m.priceEurPerKwh, t.priceEurPerKwh())
        .field(m.matchedAt, t.matchedAt().toEpochMilli())
        .time(t.slot().plusMillis(out.sequence()))
        .toLine();
  }

  public static String clearing(MarketOutput out) {
    MarketClearing c = out.clearing();
    var m = Schema.MARKET_CLEARING;
    return LinePoint.of(m)
        .tag(m.market, c.market())
        .tag(m.mode, wire(c.mode()))
        .field(m.priceEurPerKwh, c.priceEurPerKwh())
        .field(m.volumeKwh, c.volumeKwh())
        .field(m.orders, c.orders())
        .field(m.bids, c.bids())
        .field(m.offers, c.offers())
        .field(m.trades, c.trades())
        .field(m.participants, c.participants())
        .field(m.clearedAt, c.clearedAt().toEpochMilli())
        .time(c.slot())
        .toLine();
  }

  public static String order(MarketOutput out) {
    OrderUpdate u = out.order();
    var m = Schema.MARKET_ORDERS;
    return LinePoint.of(m)
        .tag(m.market, u.market())
        .tag(m.building, u.building())
        .tag(m.side, wire(u.side()))
        .tag(m.origin, wire(u.origin()))
        .field(m.orderId, u.orderId())
        .field(m.state, wire(u.state()))
        .field(m.deliveryStart, u.deliveryStart().toEpochMilli())
        .field(m.energyKwh, u.energyKwh())
        .field(m.priceEurPerKwh, u.priceEurPerKwh())
        .field(m.filledKwh, u.filledKwh())
        .field(m.remainingKwh, u.remainingKwh())
        .field(m.averagePriceEurPerKwh, u.averagePriceEurPerKwh())
        .field(m.reason, u.reason())
        .time(u.at().plusMillis(out.sequence()))
        .toLine();
  }

  private static String wire(Enum<?> e) {
    return e == null ? null : e.name().toLowerCase(Locale.ROOT);
  }
}
