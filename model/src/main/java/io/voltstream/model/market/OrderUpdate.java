package io.voltstream.model.market;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.voltstream.energy.market.OrderSide;
import java.time.Instant;

/**
 * The market job's view of an order after every change (Kafka {@code market-order-status},
 * compacted, key = order id; InfluxDB {@code market_orders}).
 *
 * @param orderId the order
 * @param market market id
 * @param building the participant
 * @param side buy or sell
 * @param deliveryStart the slot
 * @param state open, partially_filled, filled, cancelled, expired or rejected
 * @param energyKwh the order's quantity [kWh]
 * @param priceEurPerKwh its limit [€/kWh]
 * @param filledKwh traded so far [kWh]
 * @param remainingKwh left [kWh]
 * @param averagePriceEurPerKwh mean price of its trades, null before the first
 * @param origin api or agent
 * @param reason why rejected/expired/cancelled, null otherwise
 * @param at event time of the change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderUpdate(
    String orderId,
    String market,
    String building,
    OrderSide side,
    Instant deliveryStart,
    OrderState state,
    double energyKwh,
    double priceEurPerKwh,
    double filledKwh,
    double remainingKwh,
    Double averagePriceEurPerKwh,
    OrderOrigin origin,
    String reason,
    Instant at) {}
