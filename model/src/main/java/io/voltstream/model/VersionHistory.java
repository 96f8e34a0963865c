package io.voltstream.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounded history of a versioned registry field ({@link Sensor#roomHistory()}, {@link
 * Room#buildingHistory()}): earlier values oldest first, each in force from its {@code
 * effectiveFrom} until the next version's.
 */
public final class VersionHistory {

  /**
   * Most earlier versions a value keeps, whatever the horizon: a registry value stays small even
   * for a sensor moved every few minutes.
   */
  public static final int MAX_VERSIONS = 32;

  /**
   * How long a version that stopped holding is kept: readings older than this cannot be reprocessed
   * anyway, since it exceeds the retention of the {@code readings} topic (the broker default, 7
   * days) with room to spare. Raise it with that retention.
   */
  public static final Duration RETENTION_HORIZON = Duration.ofDays(30);

  private VersionHistory() {}

  /** One earlier value and the instant it took effect (null = beginning of time). */
  public interface Version {
    String value();

    Instant effectiveFrom();
  }

  /**
   * {@code history} + {@code ended} (which stopped holding at {@code endedAt}), without the
   * versions that stopped holding more than {@link #RETENTION_HORIZON} before {@code endedAt} (no
   * reading that can still be reprocessed needs them) and at most {@link #MAX_VERSIONS} of the
   * newest.
   */
  static <V extends Version> List<V> append(List<V> history, V ended, Instant endedAt) {
    Instant horizon = endedAt.minus(RETENTION_HORIZON);
    List<V> all = new ArrayList<>(history == null ? List.of() : history);
    all.add(ended);
    List<V> kept = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Instant until = i + 1 < all.size() ? all.get(i + 1).effectiveFrom() : endedAt;
      if (until == null || !until.isBefore(horizon)) {
        kept.add(all.get(i));
      }
    }
    return kept.size() > MAX_VERSIONS
        ? List.copyOf(kept.subList(kept.size() - MAX_VERSIONS, kept.size()))
        : kept;
  }
}
