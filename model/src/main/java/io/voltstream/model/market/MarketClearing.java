package io.voltstream.model.market;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.voltstream.energy.market.MarketMode;
import java.time.Instant;

/**
 * The summary of one slot of one market at its gate closure (Kafka {@code market-clearing}, key =
 * market id; InfluxDB {@code market_clearing}); for a pay-as-bid market it sums the slot's
 * continuous trades.
 *
 * @param market market id
 * @param slot delivery slot start
 * @param mode pay_as_clear or pay_as_bid
 * @param priceEurPerKwh the uniform price (pay-as-clear) or volume-weighted mean price
 *     (pay-as-bid); null when nothing traded
 * @param volumeKwh energy traded [kWh]
 * @param orders orders in the book at gate closure plus those already filled
 * @param bids of which bids
 * @param offers of which offers
 * @param trades number of trades
 * @param participants distinct buildings with an order in the slot
 * @param clearedAt event time of the gate closure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarketClearing(
    String market,
    Instant slot,
    MarketMode mode,
    Double priceEurPerKwh,
    double volumeKwh,
    int orders,
    int bids,
    int offers,
    int trades,
    int participants,
    Instant clearedAt) {}
