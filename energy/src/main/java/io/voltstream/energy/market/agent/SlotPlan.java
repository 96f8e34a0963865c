package io.voltstream.energy.market.agent;

import java.time.Instant;
import java.util.Optional;

/**
 * The agent's view of one slot at one update.
 *
 * @param slot the slot's start
 * @param trading whether the agent may still place or change its order for it (false in the last
 *     update interval before the gate closure: the resting order stays as it is)
 * @param balance the expected energy balance
 * @param order the wanted order; empty when nothing (or too little) is left to trade, or when not
 *     trading
 */
public record SlotPlan(
    Instant slot, boolean trading, SlotBalance balance, Optional<AgentOrder> order) {}
