package io.voltstream.api.finance.dto;

import java.time.Instant;

/**
 * Money, energy and CO2 of one period [{@code period_start}, {@code period_end}) (or of the whole
 * range, for the totals): sums of the settlement job's 15-minute {@code building_finance} rows.
 *
 * @param slots 15-minute rows summed
 * @param meteredShare mean fraction of those slots covered by meter samples (0 … 1)
 * @param energyCostEur grid import at the import price [€]
 * @param feedInRevenueEur grid export at the feed-in price [€]
 * @param p2pPaidEur paid in the market [€]
 * @param p2pReceivedEur received in the market [€]
 * @param p2pSavingsEur grid-only cost − settled cost [€]
 * @param batterySavingsEur cost without the batteries − cost with them [€]
 * @param drSavingsEur DR incentive earned [€]
 * @param netCostEur what the building pays overall (settled) [€]
 * @param generationKwh PV generation [kWh]
 * @param selfConsumptionPercent (generation − export) / generation, null without generation
 * @param selfSufficiencyPercent (consumption − import) / consumption in 0 … 100, null without
 *     consumption
 * @param co2Kg CO2 of the energy taken [kg]
 * @param co2WithoutP2pKg had all import come from the grid [kg]
 * @param co2WithoutPvKg without the PV generation [kg]
 * @param co2WithoutBatteryKg without the batteries [kg]
 */
public record FinancialFigures(
    Instant periodStart,
    Instant periodEnd,
    long slots,
    Double meteredShare,
    double energyCostEur,
    double feedInRevenueEur,
    double p2pPaidEur,
    double p2pReceivedEur,
    double p2pSavingsEur,
    double batterySavingsEur,
    double drSavingsEur,
    double netCostEur,
    double consumptionKwh,
    double generationKwh,
    double importKwh,
    double exportKwh,
    double selfConsumedKwh,
    double batteryChargeKwh,
    double batteryDischargeKwh,
    Double selfConsumptionPercent,
    Double selfSufficiencyPercent,
    double co2Kg,
    double co2WithoutP2pKg,
    double co2WithoutPvKg,
    double co2WithoutBatteryKg) {}
