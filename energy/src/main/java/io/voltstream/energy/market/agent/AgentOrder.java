package io.voltstream.energy.market.agent;

import io.voltstream.energy.market.OrderSide;
import java.time.Instant;

/**
 * The order the agent wants resting in the market for one slot.
 *
 * @param slot the delivery slot's start
 * @param side buy (a bid) or sell (an offer)
 * @param energyKwh quantity [kWh], rounded to 0.001, at least the minimum order
 * @param priceEurPerKwh limit price on the ramp [€/kWh], rounded to 0.0001
 * @param note why: the balance and the ramp position, in words
 */
public record AgentOrder(
    Instant slot, OrderSide side, double energyKwh, double priceEurPerKwh, String note) {}
