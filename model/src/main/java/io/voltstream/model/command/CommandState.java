package io.voltstream.model.command;

/**
 * Where a command stands (design §8). {@code PENDING} until the target answers; {@code APPLIED} or
 * {@code REJECTED} from its acknowledgement; {@code EXPIRED} when its {@code valid_until} passed
 * before it could be delivered or answered; {@code TIMEOUT} when no answer came within the
 * acknowledgement timeout although the command was still valid.
 */
public enum CommandState {
  PENDING,
  APPLIED,
  REJECTED,
  EXPIRED,
  TIMEOUT;

  /** Whether no later status can follow. */
  public boolean isFinal() {
    return this != PENDING;
  }
}
