package io.voltstream.energy.dr;

import static io.voltstream.energy.EnergyValidationException.requireInRange;

/**
 * A building's demand-response settings (registry, {@code Building.demand_response}): whether
 * invitations are answered automatically, and the auto-answer policy's terms. Auto-answer opts in
 * only when the incentive is at least {@code min_incentive_eur_per_kwh} and both the current
 * flexibility and the flexibility forecast for the event window cover {@code requested_kw ×
 * required_coverage}; otherwise it opts out, saying which figure fell short.
 *
 * @param autoAnswer answer invitations automatically (on in the demo)
 * @param minIncentiveEurPerKwh least incentive accepted [€/kWh], ≥ 0
 * @param requiredCoverage flexibility needed per kW requested, ≥ 1 (1.2 = 20 % margin)
 */
public record DrSettings(
    boolean autoAnswer, double minIncentiveEurPerKwh, double requiredCoverage) {

  public DrSettings {
    requireInRange("min_incentive_eur_per_kwh", minIncentiveEurPerKwh, 0.0, 100.0);
    requireInRange("required_coverage", requiredCoverage, 1.0, 10.0);
  }

  /** Documented default: manual answers, any incentive, 10 % margin. */
  public static DrSettings defaults() {
    return new DrSettings(false, 0.0, 1.1);
  }
}
