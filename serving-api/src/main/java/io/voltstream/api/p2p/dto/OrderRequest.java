package io.voltstream.api.p2p.dto;

/**
 * Body of {@code POST /api/v1/p2p/transactions}: an order for one delivery slot. Text fields are
 * parsed by {@code OrderValidation}, so every bad value is answered naming its field.
 *
 * @param building the participant
 * @param side {@code buy} or {@code sell}
 * @param energyKwh quantity [kWh], &gt; 0
 * @param priceEurPerKwh limit price [€/kWh]: a bid pays at most, an offer receives at least this
 * @param deliveryStart the slot's start, ISO-8601 with offset on a 15-minute boundary
 * @param market optional; must be the building's market
 */
public record OrderRequest(
    String building,
    String side,
    Double energyKwh,
    Double priceEurPerKwh,
    String deliveryStart,
    String market) {}
