package io.voltstream.energy.scorecard;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.tariff.Tariff;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A scorecard scenario: the building's series (warm-up history first), the scored window inside it,
 * the building's batteries with their starting SoC, and the tariff. Steps before {@code scoredFrom}
 * are history for the forecasters only; billing and the battery start at {@code scoredFrom}.
 *
 * @param name scenario key in the output, e.g. {@code demo}
 */
public record ReplayScenario(
    String name,
    ReplaySeries series,
    Instant scoredFrom,
    Instant scoredUntil,
    List<BatterySpec> batteries,
    double initialSocPercent,
    Tariff tariff) {

  public ReplayScenario {
    Objects.requireNonNull(name, "name");
    batteries = List.copyOf(batteries);
    if (batteries.isEmpty()) {
      throw new IllegalArgumentException("a scenario needs at least one battery");
    }
    if (scoredFrom.isBefore(series.start())
        || scoredUntil.isAfter(series.end())
        || !scoredFrom.isBefore(scoredUntil)) {
      throw new IllegalArgumentException(
          "scored window "
              + scoredFrom
              + " .. "
              + scoredUntil
              + " must lie inside the series "
              + series.start()
              + " .. "
              + series.end());
    }
    if (scoredFrom.getEpochSecond() % 900 != 0 || scoredFrom.getNano() != 0) {
      throw new IllegalArgumentException(
          "scoredFrom must be on a quarter hour (demand intervals), was " + scoredFrom);
    }
  }

  /** The batteries as one, for building-level dispatch. */
  public BatterySpec fleet() {
    return BatterySpec.aggregate(name + "-fleet", batteries);
  }

  /** The same scenario under another tariff. */
  public ReplayScenario withTariff(Tariff other) {
    return new ReplayScenario(
        name, series, scoredFrom, scoredUntil, batteries, initialSocPercent, other);
  }

  /** The same scenario scored over a shorter window (e.g. one day for tests). */
  public ReplayScenario scoredUntil(Instant until) {
    return new ReplayScenario(
        name, series, scoredFrom, until, batteries, initialSocPercent, tariff);
  }
}
