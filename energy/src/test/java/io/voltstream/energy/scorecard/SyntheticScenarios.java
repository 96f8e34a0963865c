package io.voltstream.energy.scorecard;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.tariff.Tariffs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A seeded synthetic house for the engine's tests (the real scenarios live in simulators): 1-minute
 * load with morning and evening peaks and noise, a 5 kWp PV bell with cloudy days, one 8 kWh / 4 kW
 * battery, the default tariff.
 */
final class SyntheticScenarios {
  static final Instant SCORED_FROM = Instant.parse("2026-04-12T22:00:00Z"); // Monday 00:00 Brussels
  static final Duration STEP = Duration.ofMinutes(1);

  private SyntheticScenarios() {}

  static ReplayScenario house(long seed, int warmupDays, int scoredDays) {
    Random random = new Random(seed);
    Instant start = SCORED_FROM.minus(Duration.ofDays(warmupDays));
    int n = (warmupDays + scoredDays) * 1440;
    double[] load = new double[n];
    double[] pv = new double[n];
    double cloud = 1;
    for (int i = 0; i < n; i++) {
      double hour = ((i + 120) % 1440) / 60.0; // local time (UTC+2)
      if (i % 1440 == 0) {
        cloud = 0.3 + 0.7 * random.nextDouble();
      }
      double base =
          350
              + 900 * Math.exp(-Math.pow(hour - 7.5, 2) / 1.5)
              + 2200 * Math.exp(-Math.pow(hour - 19, 2) / 3);
      load[i] = Math.max(50, base * Math.exp(0.3 * random.nextGaussian()));
      pv[i] =
          hour > 6.5 && hour < 20.5
              ? 5000 * 0.8 * cloud * Math.pow(Math.sin(Math.PI * (hour - 6.5) / 14), 1.5)
              : 0;
    }
    BatterySpec battery = new BatterySpec("syn-battery", "syn", 8, 4000, 4000, 0.9, 5, 95, 10);
    return new ReplayScenario(
        "synthetic",
        new ReplaySeries(start, STEP, load, pv),
        SCORED_FROM,
        SCORED_FROM.plus(Duration.ofDays(scoredDays)),
        List.of(battery),
        50,
        Tariffs.defaultTariff());
  }

  /** Same slot of the previous day, from the past only. */
  static NetLoadForecaster previousDay() {
    return (past, origin, slot, slots) -> {
      double[] c = new double[slots];
      double[] g = new double[slots];
      for (int i = 0; i < slots; i++) {
        Instant from = origin.plus(slot.multipliedBy(i));
        while (from.plus(slot).isAfter(origin)) {
          from = from.minus(Duration.ofDays(1));
        }
        c[i] = past.meanConsumptionW(from, from.plus(slot));
        g[i] = past.meanGenerationW(from, from.plus(slot));
      }
      return new NetLoadForecaster.LoadForecast(c, g);
    };
  }
}
