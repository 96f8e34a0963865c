package io.voltstream.api.p2p.dto;

import java.time.Instant;

/**
 * One participant's settlement of one slot from InfluxDB {@code settlements} (see {@code
 * model.market.Settlement} for the rule): position = bought − sold, deviation = metered − position
 * settled at grid prices, net = paid − received + deviation, savings = grid-only − net.
 */
public record SettlementResponse(
    String market,
    Instant slot,
    String building,
    Double boughtKwh,
    Double soldKwh,
    Double paidEur,
    Double receivedEur,
    Double meteredNetKwh,
    Double deviationKwh,
    Double deviationEur,
    Double netCostEur,
    Double gridOnlyCostEur,
    Double savingsEur,
    Double meteredShare) {}
