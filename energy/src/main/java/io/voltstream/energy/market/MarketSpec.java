package io.voltstream.energy.market;

import static io.voltstream.energy.EnergyValidationException.requireInRange;
import static io.voltstream.energy.EnergyValidationException.requireText;

import io.voltstream.energy.EnergyValidationException;
import java.time.Duration;
import java.time.Instant;

/**
 * A local energy market as the registry stores it ({@code market:<id>}): its matching mode and gate
 * closure. Delivery slots are {@link #SLOT} long and aligned to the quarter hour (UTC epoch), like
 * billing intervals. Orders for a slot are accepted until its gate closure, {@code
 * gate_closure_seconds} before the slot starts.
 *
 * @param id market id ({@link #DEFAULT_ID} unless stated)
 * @param name label
 * @param mode pay_as_clear (default) or pay_as_bid
 * @param gateClosureSeconds how long before a slot starts its book closes [s], 0 … 86 400
 */
public record MarketSpec(String id, String name, MarketMode mode, int gateClosureSeconds) {
  /** The market every building belongs to unless its registry entry names another. */
  public static final String DEFAULT_ID = "community";

  /** Length of a delivery slot. */
  public static final Duration SLOT = Duration.ofMinutes(15);

  /** Documented default gate closure: 5 minutes before the slot. */
  public static final int DEFAULT_GATE_CLOSURE_SECONDS = 300;

  public MarketSpec {
    requireText("id", id);
    name = name == null || name.isBlank() ? id : name;
    mode = mode == null ? MarketMode.PAY_AS_CLEAR : mode;
    requireInRange("gate_closure_seconds", gateClosureSeconds, 0, 86_400);
  }

  /** The default market: {@code community}, pay-as-clear, gate closure 5 minutes before. */
  public static MarketSpec defaults() {
    return new MarketSpec(
        DEFAULT_ID, "Community market", MarketMode.PAY_AS_CLEAR, DEFAULT_GATE_CLOSURE_SECONDS);
  }

  /** How long before a slot starts its book closes. */
  public Duration gateClosure() {
    return Duration.ofSeconds(gateClosureSeconds);
  }

  /** When the book of the slot starting at {@code slotStart} closes. */
  public Instant gateClosureOf(Instant slotStart) {
    return slotStart.minus(gateClosure());
  }

  /** Whether {@code at} is a slot start (a whole multiple of {@link #SLOT} since the epoch). */
  public static boolean isSlotStart(Instant at) {
    return at.getNano() == 0 && at.getEpochSecond() % SLOT.toSeconds() == 0;
  }

  /** The start of the slot holding {@code at}. */
  public static Instant slotOf(Instant at) {
    long s = SLOT.toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), s) * s);
  }

  /** The earliest slot whose book is still open at {@code at}. */
  public Instant firstOpenSlot(Instant at) {
    Instant slot = slotOf(at.plus(gateClosure()));
    while (!at.isBefore(gateClosureOf(slot))) {
      slot = slot.plus(SLOT);
    }
    return slot;
  }

  /** Throws naming {@code field} unless {@code slotStart} is a slot start. */
  public static Instant requireSlotStart(String field, Instant slotStart) {
    if (slotStart == null || !isSlotStart(slotStart)) {
      throw new EnergyValidationException(
          field, "must be on a 15-minute boundary (e.g. 10:15:00Z), was " + slotStart);
    }
    return slotStart;
  }
}
