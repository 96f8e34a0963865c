package io.voltstream.energy.tariff;

/**
 * What a grid-power series costs under a tariff. The demand charge treats the series as one billing
 * month: its highest 15-minute average import times the monthly rate.
 *
 * @param importKwh energy imported
 * @param exportKwh energy exported
 * @param energyCostEur import cost minus feed-in revenue
 * @param peakImportKw highest 15-minute average import [kW]
 * @param demandChargeEur peak × monthly demand charge
 * @param co2Kg emissions of the imported energy (exports are not credited)
 */
public record Bill(
    double importKwh,
    double exportKwh,
    double energyCostEur,
    double peakImportKw,
    double demandChargeEur,
    double co2Kg) {

  /** Energy cost plus demand charge [EUR]. */
  public double totalEur() {
    return energyCostEur + demandChargeEur;
  }
}
