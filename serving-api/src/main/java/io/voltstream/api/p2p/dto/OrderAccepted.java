package io.voltstream.api.p2p.dto;

import java.time.Instant;

/**
 * Answer of {@code POST /api/v1/p2p/transactions} (202): the order is in Kafka {@code
 * market-orders}; {@code status} is {@code pending} until the market job reports on it ({@code GET
 * /api/v1/p2p/orders/{id}}).
 */
public record OrderAccepted(
    String id,
    String status,
    String market,
    String building,
    Instant deliveryStart,
    Instant gateClosesAt) {}
