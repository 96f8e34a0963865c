package io.voltstream.api.dashboard;

import io.voltstream.api.ApiConfig;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.influx.LinePoint;
import io.voltstream.influx.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.ToDoubleFunction;

/**
 * InfluxDB line protocol for the dashboard's E2E tests: rows as the jobs and the forecast service
 * write them (their {@link Schema} measurements), for the panels that read InfluxDB.
 */
final class DashboardData {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** An API on a free port over the test's Kafka and InfluxDB database. */
  static ApiConfig apiConfig(String kafkaBootstrap, String influxUrl, String db) {
    return ApiConfig.fromEnv(
        Map.of(
            ApiConfig.PORT,
            "0",
            ApiConfig.KAFKA_BOOTSTRAP,
            kafkaBootstrap,
            ApiConfig.INFLUX_URL,
            influxUrl,
            ApiConfig.INFLUX_DB,
            db));
  }

  private DashboardData() {}

  /** A cleared slot of the default market: 1.75 kWh at 0.21 €/kWh in two trades seller → buyer. */
  static String market(Instant slot, String seller, String buyer) {
    var c = Schema.MARKET_CLEARING;
    var t = Schema.MARKET_TRADES;
    return LinePoint.of(c)
            .tag(c.market, MarketSpec.DEFAULT_ID)
            .tag(c.mode, "pay_as_clear")
            .field(c.priceEurPerKwh, 0.21)
            .field(c.volumeKwh, 1.75)
            .field(c.orders, 4L)
            .field(c.bids, 2L)
            .field(c.offers, 2L)
            .field(c.trades, 2L)
            .field(c.participants, 2L)
            .field(c.clearedAt, slot.minusSeconds(300).toEpochMilli())
            .time(slot)
            .toLine()
        + "\n"
        + trade(t, slot, 1, 1.25, seller, buyer)
        + "\n"
        + trade(t, slot, 2, 0.5, seller, buyer);
  }

  private static String trade(
      Schema.MarketTrades t, Instant slot, int n, double kwh, String seller, String buyer) {
    return LinePoint.of(t)
        .tag(t.market, MarketSpec.DEFAULT_ID)
        .tag(t.buyer, buyer)
        .tag(t.seller, seller)
        .tag(t.mode, "pay_as_clear")
        .field(t.tradeId, MarketSpec.DEFAULT_ID + "-" + slot.getEpochSecond() + "-" + n)
        .field(t.buyOrderId, "b-" + n)
        .field(t.sellOrderId, "s-" + n)
        .field(t.energyKwh, kwh)
        .field(t.priceEurPerKwh, 0.21)
        .field(t.matchedAt, slot.minusSeconds(300).toEpochMilli())
        .time(slot.plusMillis(n)) // LinePoint stores milliseconds: distinct per trade
        .toLine();
  }

  /**
   * A building's finance row of one slot: net cost 1.23 €, 0.90 kg CO₂ without P2P, 40 %
   * sufficiency.
   */
  static String finance(Instant slot, String building) {
    var f = Schema.BUILDING_FINANCE;
    return LinePoint.of(f)
        .tag(f.building, building)
        .tag(f.scope, "building")
        .field(f.consumptionKwh, 5.0)
        .field(f.generationKwh, 2.5)
        .field(f.importKwh, 3.0)
        .field(f.exportKwh, 0.5)
        .field(f.batteryChargeKwh, 0.0)
        .field(f.batteryDischargeKwh, 0.0)
        .field(f.selfConsumedKwh, 2.0)
        .field(f.energyCostEur, 1.0)
        .field(f.feedInRevenueEur, 0.02)
        .field(f.p2pPaidEur, 0.3)
        .field(f.p2pReceivedEur, 0.05)
        .field(f.netCostEur, 1.23)
        .field(f.p2pSavingsEur, 0.12)
        .field(f.batterySavingsEur, 0.0)
        .field(f.drSavingsEur, 0.0)
        .field(f.co2Kg, 0.5)
        .field(f.co2WithoutP2pKg, 0.9)
        .field(f.co2WithoutPvKg, 1.2)
        .field(f.co2WithoutBatteryKg, 0.5)
        .field(f.meteredShare, 1.0)
        .time(slot)
        .toLine();
  }

  /** The flexibility job's building report and one room report. */
  static String flexibility(Instant at, String building, String room) {
    var m = Schema.FLEXIBILITY;
    return LinePoint.of(m)
            .tag(m.building, building)
            .tag(m.scope, "building")
            .tag(m.id, building)
            .tag(m.room, Schema.Flexibility.NO_ROOM)
            .field(m.upNowKw, 8.2)
            .field(m.downNowKw, 3.1)
            .field(m.upHourKw, 6.0)
            .field(m.downHourKw, 2.4)
            .time(at)
            .toLine()
        + "\n"
        + LinePoint.of(m)
            .tag(m.building, building)
            .tag(m.scope, "room")
            .tag(m.id, room)
            .tag(m.room, room)
            .field(m.upNowKw, 0.0)
            .field(m.downNowKw, 1.5)
            .field(m.upHourKw, 0.0)
            .field(m.downHourKw, 0.75)
            .time(at)
            .toLine();
  }

  /**
   * A room's one-minute windows from {@code from} up to {@code to} (exclusive), as the room
   * aggregation job writes them: each hour's energy and generation ({@code kwh}/{@code
   * generationKwh} of the hour) spread over its minutes with a ripple that sums to zero over the
   * hour, so a whole hour sums to the given figures.
   */
  static String roomMinutes(
      String building,
      String room,
      Instant from,
      Instant to,
      ToDoubleFunction<Instant> kwh,
      ToDoubleFunction<Instant> generationKwh) {
    var m = Schema.ROOM_METRICS;
    StringJoiner lines = new StringJoiner("\n");
    for (Instant t = from; t.isBefore(to); t = t.plus(MINUTE)) {
      Instant hour = t.truncatedTo(ChronoUnit.HOURS);
      double ripple = 1 + 0.25 * Math.sin(2 * Math.PI * t.atZone(ZoneOffset.UTC).getMinute() / 60);
      double energy = kwh.applyAsDouble(hour) / 60 * ripple;
      lines.add(
          LinePoint.of(m)
              .tag(m.room, room)
              .tag(m.building, building)
              .field(m.energyKwh, energy)
              .field(m.generationKwh, generationKwh.applyAsDouble(hour) / 60)
              .field(m.powerAvgW, energy * 60 * 1000)
              .field(m.sampleCount, 4L)
              .time(t)
              .toLine());
    }
    return lines.toString();
  }

  /**
   * A consumption forecast run of {@code model} issued at {@code issuedAt} for the hours from
   * {@code first} on ({@code valueKwh} of each hour), and its rolling accuracy (NRMSE 18.4 %, skill
   * 0.21, MAE 0.123 kWh over 168 h), as the forecast service writes them.
   */
  static String consumptionForecast(
      String building,
      String model,
      Instant issuedAt,
      Instant first,
      int hours,
      ToDoubleFunction<Instant> valueKwh) {
    var f = Schema.FORECASTS;
    StringJoiner lines = new StringJoiner("\n");
    for (int i = 0; i < hours; i++) {
      Instant hour = first.plus(HOUR.multipliedBy(i));
      lines.add(
          LinePoint.of(f)
              .tag(f.building, building)
              .tag(f.target, "consumption")
              .tag(f.modelId, model)
              .tag(f.fallback, "false")
              .tag(f.lead, Long.toString(Duration.between(issuedAt, hour).toHours()))
              .field(f.valueKwh, valueKwh.applyAsDouble(hour))
              .field(f.issuedAt, issuedAt.toEpochMilli())
              .field(f.leadHours, Duration.between(issuedAt, hour).toHours())
              .time(hour)
              .toLine());
    }
    var a = Schema.FORECAST_ACCURACY;
    lines.add(
        LinePoint.of(a)
            .tag(a.building, building)
            .tag(a.leadBand, "day_ahead")
            .tag(a.target, "consumption")
            .field(a.nrmsePercent, 18.4)
            .field(a.skill, 0.21)
            .field(a.maeKwh, 0.123)
            .field(a.rmseKwh, 0.16)
            .field(a.baselineRmseKwh, 0.2)
            .field(a.hours, 168L)
            .field(a.windowHours, 168L)
            .time(issuedAt)
            .toLine());
    return lines.toString();
  }
}
