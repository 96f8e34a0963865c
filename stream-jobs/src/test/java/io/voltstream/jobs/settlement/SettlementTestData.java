package io.voltstream.jobs.settlement;

import io.voltstream.energy.market.MarketMode;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.market.MarketTrade;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-computed slot of the settlement tests. Building {@code home} (default tariff: 0.31 €/kWh
 * import, 0.04 feed-in, 110 g/kWh at 12:00 Brussels on a Wednesday), slot 11:00–11:15 UTC:
 *
 * <ul>
 *   <li>meter {@code load} (room {@code kitchen}): 2 kW until 11:05, then 4 kW;
 *   <li>PV {@code roof} (room {@code roof}): 3 kW until 11:05, then 1 kW;
 *   <li>battery {@code bat}: charging 0.5 kW until 11:05, then discharging 1 kW.
 * </ul>
 *
 * Grid: −0.5 kW for 5 min (export 1/24 kWh), then +2 kW for 10 min (import 1/3 kWh); net 7/24 kWh.
 * Home buys 0.2 kWh at 0.15 €/kWh from {@code office} (no meters) for the slot.
 */
final class SettlementTestData {
  static final Instant SLOT = Instant.parse("2026-01-14T11:00:00Z");
  static final Instant SLOT_END = SLOT.plusSeconds(900);
  static final Instant SWITCH = SLOT.plusSeconds(300);
  static final String HOME = "home";
  static final String OFFICE = "office";
  static final double EPS = 1e-9;

  static final SettlementJobConfig CONFIG =
      new SettlementJobConfig(
          Duration.ofMinutes(1),
          Duration.ofMinutes(2),
          Duration.ofHours(1),
          Duration.ofSeconds(1),
          Duration.ofSeconds(2),
          Duration.ofMinutes(2));

  static final MarketTrade TRADE =
      trade("community-1768388400-1", HOME, OFFICE, 0.2, 0.15, SLOT.minusSeconds(300));

  private SettlementTestData() {}

  static MarketTrade trade(
      String id, String buyer, String seller, double kwh, double price, Instant matchedAt) {
    return new MarketTrade(
        id,
        "community",
        SLOT,
        "bid-" + id,
        "offer-" + id,
        buyer,
        seller,
        kwh,
        price,
        MarketMode.PAY_AS_CLEAR,
        matchedAt);
  }

  /** The meter readings of the slot, one a minute from {@code from} (inclusive) to {@code to}. */
  static List<SensorReading> readings(Instant from, Instant to) {
    List<SensorReading> out = new ArrayList<>();
    for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
      boolean early = t.isBefore(SWITCH);
      out.add(power("load", "kitchen", SensorType.POWER, early ? 2000 : 4000, t));
      out.add(power("roof", "roof", SensorType.PV, early ? 3000 : 1000, t));
    }
    return out;
  }

  /** The battery reports, one a minute. */
  static List<BatteryTelemetry> battery(Instant from, Instant to) {
    List<BatteryTelemetry> out = new ArrayList<>();
    for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
      out.add(
          new BatteryTelemetry(
              "bat",
              t,
              50,
              t.isBefore(SWITCH) ? 500 : -1000,
              null,
              null,
              null,
              null,
              "auto",
              null,
              t));
    }
    return out;
  }

  static SensorReading power(String id, String room, SensorType type, double w, Instant t) {
    return new SensorReading(id, t, room, type, null, w, null, null, null, null, null, t);
  }
}
