package io.voltstream.model.market;

import java.time.Instant;

/**
 * One participant's settlement of one delivery slot, once its metered energy is known (Kafka {@code
 * settlements}, key = building; InfluxDB {@code settlements}). P2P trades are paid at their prices;
 * the deviation between the metered grid exchange and the traded position is settled against the
 * grid at the building's import price (when it took more than it bought) or feed-in price (when it
 * delivered more than it sold).
 *
 * @param market market id
 * @param slot delivery slot start
 * @param building the participant
 * @param boughtKwh energy bought in the market [kWh]
 * @param soldKwh energy sold [kWh]
 * @param paidEur paid to sellers [€]
 * @param receivedEur received from buyers [€]
 * @param meteredNetKwh metered grid exchange in the slot, + import / − export [kWh]
 * @param deviationKwh metered − (bought − sold) [kWh]: + taken from the grid, − fed in
 * @param deviationEur cost of the deviation at the grid prices [€] (negative = revenue)
 * @param netCostEur paid − received + deviation [€]
 * @param gridOnlyCostEur what the metered exchange would have cost without the market [€]
 * @param savingsEur gridOnly − net [€]
 * @param importPriceEurPerKwh the tariff's import price in the slot [€/kWh]
 * @param exportPriceEurPerKwh its feed-in price [€/kWh]
 * @param meteredShare fraction of the slot covered by meter samples (0 … 1)
 * @param settledAt event time of the settlement
 */
public record Settlement(
    String market,
    Instant slot,
    String building,
    double boughtKwh,
    double soldKwh,
    double paidEur,
    double receivedEur,
    double meteredNetKwh,
    double deviationKwh,
    double deviationEur,
    double netCostEur,
    double gridOnlyCostEur,
    double savingsEur,
    double importPriceEurPerKwh,
    double exportPriceEurPerKwh,
    double meteredShare,
    Instant settledAt) {}
