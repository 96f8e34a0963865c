package io.voltstream.energy.scorecard;

/**
 * One scorecard row. The first five fields are the ones issue 8 names; the rest explain them.
 *
 * @param peakImportKw highest 15-minute average grid import in the scored window [kW]
 * @param selfConsumptionPct share of the PV generation used on site (directly or via the battery)
 *     [%]
 * @param costEur energy cost − feed-in revenue + demand charge (the window billed as one month)
 *     [EUR]
 * @param socViolations steps where dispatch asked for more than the SoC bounds allowed (the physics
 *     clamped it) or discharged a battery that was at or below its reserve
 * @param cycles equivalent full cycles: energy drawn from the cells ÷ total capacity
 * @param energyCostEur import cost − feed-in revenue [EUR]
 * @param demandChargeEur peak × monthly demand charge [EUR]
 * @param importKwh grid import [kWh]
 * @param exportKwh grid export [kWh]
 * @param co2Kg emissions of the imported energy [kg]
 * @param endSocPercent fleet SoC at the end of the window [%]
 */
public record StrategyScore(
    double peakImportKw,
    double selfConsumptionPct,
    double costEur,
    int socViolations,
    double cycles,
    double energyCostEur,
    double demandChargeEur,
    double importKwh,
    double exportKwh,
    double co2Kg,
    double endSocPercent) {}
