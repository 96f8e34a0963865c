package io.voltstream.jobs.marketagents.logic;

import io.voltstream.model.market.MarketOrder;
import java.time.Instant;

/**
 * What a building's agent remembers of one slot it trades (keyed state, dropped at the slot's gate
 * closure).
 *
 * @param slot the slot's start
 * @param gateClosure when its book closes (the state is dropped then)
 * @param sequence the {@code n} of the last order id {@code agent-<building>-<slot s>-<n>} (0: none
 *     yet)
 * @param open the agent's order believed resting in the market, null when none
 */
public record AgentSlot(Instant slot, Instant gateClosure, int sequence, MarketOrder open) {

  /** A slot the agent has not ordered in yet. */
  public static AgentSlot fresh(Instant slot, Instant gateClosure) {
    return new AgentSlot(slot, gateClosure, 0, null);
  }

  public AgentSlot withOpen(MarketOrder order) {
    return new AgentSlot(slot, gateClosure, sequence, order);
  }

  /** The same slot with a new order {@code n} resting. */
  public AgentSlot withOrder(int n, MarketOrder order) {
    return new AgentSlot(slot, gateClosure, n, order);
  }
}
