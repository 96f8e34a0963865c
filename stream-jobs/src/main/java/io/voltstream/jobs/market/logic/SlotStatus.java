package io.voltstream.jobs.market.logic;

import io.voltstream.energy.market.MarketSpec;
import java.time.Duration;
import java.time.Instant;

/**
 * What the market job keeps about one (market, delivery slot) besides its orders.
 *
 * @param spec the market's settings when the slot received its first order; later registry changes
 *     (mode, gate closure) apply to slots without orders only, so a book never changes its rules
 * @param slot delivery slot start
 * @param trades trades so far (the last trade id's sequence number)
 * @param volumeKwh energy traded so far [kWh]
 * @param amountEur sum of energy × price of those trades [€]
 * @param closed whether the gate has closed (the book is final; kept to answer late orders)
 */
public record SlotStatus(
    MarketSpec spec, Instant slot, int trades, double volumeKwh, double amountEur, boolean closed) {

  /** A slot that has just received its first order. */
  public static SlotStatus opened(MarketSpec spec, Instant slot) {
    return new SlotStatus(spec, slot, 0, 0, 0, false);
  }

  public String market() {
    return spec.id();
  }

  /** When the slot's book closes. */
  public Instant gateClosure() {
    return spec.gateClosureOf(slot);
  }

  /** When what is remembered of the closed slot is deleted. */
  public Instant forgetAt(Duration retention) {
    return gateClosure().plus(retention);
  }

  /** After one more trade of {@code energyKwh} at {@code priceEurPerKwh}. */
  public SlotStatus withTrade(double energyKwh, double priceEurPerKwh) {
    return new SlotStatus(
        spec,
        slot,
        trades + 1,
        volumeKwh + energyKwh,
        amountEur + energyKwh * priceEurPerKwh,
        closed);
  }

  public SlotStatus closedNow() {
    return new SlotStatus(spec, slot, trades, volumeKwh, amountEur, true);
  }

  /** The id of trade number {@code n} of the slot: {@code <market>-<slot epoch s>-<n>}. */
  public String tradeId(int n) {
    return market() + "-" + slot.getEpochSecond() + "-" + n;
  }
}
