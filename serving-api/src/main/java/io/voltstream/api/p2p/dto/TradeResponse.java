package io.voltstream.api.p2p.dto;

import java.time.Instant;

/**
 * One trade from InfluxDB {@code market_trades}: {@code energy_kwh} from {@code seller} to {@code
 * buyer} in delivery slot {@code slot} at {@code price_eur_per_kwh}; {@code amount_eur} = energy ×
 * price.
 */
public record TradeResponse(
    String id,
    String market,
    Instant slot,
    String buyOrderId,
    String sellOrderId,
    String buyer,
    String seller,
    double energyKwh,
    double priceEurPerKwh,
    double amountEur,
    String mode,
    Instant matchedAt) {}
