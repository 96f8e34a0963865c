package io.voltstream.energy.dispatch;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.tariff.Tariff;
import io.voltstream.energy.tariff.Tariffs;
import java.time.Duration;
import java.time.Instant;

/**
 * The fake clock and dummy battery of the strategy scenario tests (OpenEMS style): a 10 kWh battery
 * with 5 kW both ways, SoC 5–95 %, 20 % reserve, deciding every 10 s under the default tariff.
 */
final class TestContexts {
  static final BatterySpec BATTERY = new BatterySpec("b1", "demo", 10, 5000, 5000, 0.9, 5, 95, 20);
  static final Tariff TARIFF = Tariffs.defaultTariff();
  static final Duration INTERVAL = Duration.ofSeconds(10);

  /** Monday 13 April 2026, 10:00 in Brussels (a day-price hour). */
  static final Instant WEEKDAY_10H = Instant.parse("2026-04-13T08:00:00Z");

  private TestContexts() {}

  static DispatchContext at(Instant clock, double netLoadW, double socPercent) {
    return DispatchContext.of(clock, INTERVAL, netLoadW, BATTERY, socPercent, TARIFF, 0.0);
  }

  static DispatchContext at(String localTime, double netLoadW, double socPercent) {
    return at(
        java.time.LocalDateTime.parse("2026-04-13T" + localTime).atZone(TARIFF.zone()).toInstant(),
        netLoadW,
        socPercent);
  }

  static double setpoint(DispatchStrategy strategy, DispatchContext ctx) {
    return StrategyStack.of(strategy).decide(ctx).setpointW();
  }
}
