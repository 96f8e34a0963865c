package io.voltstream.jobs.marketagents.logic;

import io.voltstream.energy.market.agent.AgentOrder;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.OrderAction;
import io.voltstream.model.market.OrderOrigin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns what the agent wants resting in the market for a slot into {@code market-orders} records:
 * nothing when the resting order already is that; otherwise a cancel of the resting order (if any)
 * and a new order (if any) — cancel-and-replace, as PHASE4 agreed. Ids are {@code
 * agent-<building>-<slot epoch s>-<n>}, {@code submitted_by} is {@code agent:<building>}.
 */
public final class AgentOrders {
  private AgentOrders() {}

  /**
   * The result of one reconciliation.
   *
   * @param emitted the records to send, cancel first
   * @param slot the slot's state afterwards
   */
  public record Step(List<MarketOrder> emitted, AgentSlot slot) {}

  public static String submittedBy(String building) {
    return "agent:" + building;
  }

  public static String orderId(String building, Instant slot, int n) {
    return "agent-" + building + "-" + slot.getEpochSecond() + "-" + n;
  }

  /**
   * Whether {@code orderId} names one of {@code building}'s agent orders (not those of a building
   * whose id merely starts with it, e.g. {@code home} and {@code home-east}).
   */
  public static boolean isAgentOrderOf(String building, String orderId) {
    String prefix = "agent-" + building + "-";
    return orderId != null
        && orderId.startsWith(prefix)
        && orderId.substring(prefix.length()).matches("\\d+-\\d+");
  }

  /**
   * Reconciles {@code state} with {@code wanted} in market {@code market} at event time {@code at}.
   */
  public static Step reconcile(
      String building, String market, Instant at, AgentSlot state, Optional<AgentOrder> wanted) {
    MarketOrder open = state.open();
    if (open != null && wanted.isPresent() && same(open, market, wanted.get())) {
      return new Step(List.of(), state);
    }
    if (open == null && wanted.isEmpty()) {
      return new Step(List.of(), state);
    }
    List<MarketOrder> out = new ArrayList<>(2);
    if (open != null) {
      out.add(MarketOrder.cancel(open, at, submittedBy(building)));
    }
    if (wanted.isEmpty()) {
      return new Step(out, state.withOpen(null));
    }
    AgentOrder w = wanted.get();
    int n = state.sequence() + 1;
    MarketOrder order =
        new MarketOrder(
            OrderAction.SUBMIT,
            orderId(building, state.slot(), n),
            market,
            building,
            w.side(),
            w.energyKwh(),
            w.priceEurPerKwh(),
            state.slot(),
            at,
            submittedBy(building),
            OrderOrigin.AGENT,
            w.note());
    out.add(order);
    return new Step(out, state.withOrder(n, order));
  }

  /**
   * Cancels of every open order in {@code slots} (the agent was switched off), by slot: the same
   * state always gives the same records.
   */
  public static List<MarketOrder> cancelAll(String building, Instant at, List<AgentSlot> slots) {
    List<MarketOrder> out = new ArrayList<>();
    for (AgentSlot s : slots.stream().sorted(Comparator.comparing(AgentSlot::slot)).toList()) {
      if (s.open() != null) {
        out.add(MarketOrder.cancel(s.open(), at, submittedBy(building)));
      }
    }
    return out;
  }

  private static boolean same(MarketOrder open, String market, AgentOrder w) {
    return open.market().equals(market)
        && open.side() == w.side()
        && open.energyKwh() == w.energyKwh()
        && open.priceEurPerKwh() == w.priceEurPerKwh();
  }
}
