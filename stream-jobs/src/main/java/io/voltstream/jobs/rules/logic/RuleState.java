package io.voltstream.jobs.rules.logic;

import java.time.Instant;

/**
 * What the rules operator remembers of one rule: whether its condition is triggered and when it
 * last fired (triggered or cleared: both start the cooldown).
 *
 * @param triggered the condition is true (fired and not cleared since)
 * @param lastFiredAt event time of the last transition, null before the first
 */
public record RuleState(boolean triggered, Instant lastFiredAt) {
  public static final RuleState INITIAL = new RuleState(false, null);

  /** True when the state holds nothing beyond {@link #INITIAL} once {@code at} is reached. */
  public boolean forgettableAt(Instant at, java.time.Duration cooldown) {
    return !triggered && (lastFiredAt == null || !at.isBefore(lastFiredAt.plus(cooldown)));
  }
}
