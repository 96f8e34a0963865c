package io.voltstream.model.market;

/**
 * The life of an order. {@code open} until it trades or its gate closes; {@code partially_filled}
 * while some energy is left; {@code filled}; {@code cancelled} on request before gate closure;
 * {@code expired} at gate closure with energy left (pay-as-bid) or unmatched at the clearing
 * (pay-as-clear, which then fills or expires every order of the slot); {@code rejected} when the
 * market refused it (the reason says why: gate closed, unknown market, …).
 */
public enum OrderState {
  OPEN,
  PARTIALLY_FILLED,
  FILLED,
  CANCELLED,
  EXPIRED,
  REJECTED;

  /** Whether nothing can happen to the order any more. */
  public boolean isFinal() {
    return this == FILLED || this == CANCELLED || this == EXPIRED || this == REJECTED;
  }
}
