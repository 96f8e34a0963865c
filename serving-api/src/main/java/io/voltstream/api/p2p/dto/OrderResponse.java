package io.voltstream.api.p2p.dto;

import java.time.Instant;

/**
 * One order with the market job's latest report on it.
 *
 * @param state {@code pending} (not reported yet), {@code open}, {@code partially_filled}, {@code
 *     filled}, {@code cancelled}, {@code expired} or {@code rejected}
 * @param averagePriceEurPerKwh mean price of its trades, null before the first
 * @param reason why rejected, expired or cancelled (or a refused cancel), else null
 * @param gateClosesAt when the slot's book closes (cancels are accepted before), null when the
 *     market is no longer registered
 * @param submittedBy token subject or {@code agent:<building>}; null when only the job's report is
 *     known
 * @param cancelRequestedAt when a cancel was logged, else null
 * @param updatedAt event time of the job's latest report, null while pending
 */
public record OrderResponse(
    String id,
    String market,
    String building,
    String side,
    double energyKwh,
    double priceEurPerKwh,
    Instant deliveryStart,
    Instant gateClosesAt,
    String state,
    double filledKwh,
    double remainingKwh,
    Double averagePriceEurPerKwh,
    String reason,
    String origin,
    Instant submittedAt,
    String submittedBy,
    Instant cancelRequestedAt,
    Instant updatedAt) {}
