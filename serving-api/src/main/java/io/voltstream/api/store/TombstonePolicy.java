package io.voltstream.api.store;

/** What a {@link ReplicatedMap} does with a tombstone (a null value) for a key. */
public enum TombstonePolicy {
  /** The key is removed: the usual meaning of a tombstone on a compacted topic. */
  DELETE,
  /**
   * The tombstone is logged, counted ({@link ReplicatedMap#ignoredTombstones()}) and otherwise
   * ignored: entries are permanent (token revocations, which nobody may undo).
   */
  IGNORE
}
