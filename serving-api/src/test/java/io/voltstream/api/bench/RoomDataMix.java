package io.voltstream.api.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The API benchmark's request mix for {@code GET /api/v1/rooms/{name}/data}: a share {@code
 * hotShare} of the requests goes to {@value #HOT_KEYS} "dashboard" URLs (the last 24 h of rooms 0–9
 * at one minute, which the response cache serves after the first), the rest is cold — a random room
 * of {@code rooms}, a random span (1 h, 6 h, 24 h) ending at a random minute of the history (48 h
 * in the benchmark), at a random resolution — so the cache cannot hide the InfluxDB query and the
 * serialisation. Deterministic for a seed. Room {@code i} is {@code room-i}.
 */
final class RoomDataMix {
  static final int HOT_KEYS = 10;
  private static final List<Duration> SPANS =
      List.of(Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24));
  private static final List<String> RESOLUTIONS = List.of("1m", "5m", "15m", "1h");

  private final int rooms;
  private final Instant historyStart;
  private final Instant historyEnd;
  private final double hotShare;
  private final SplittableRandom random;

  RoomDataMix(int rooms, Instant historyStart, Instant historyEnd, double hotShare, long seed) {
    if (rooms < 1 || hotShare < 0 || hotShare > 1) {
      throw new IllegalArgumentException("rooms >= 1 and hotShare in [0, 1]");
    }
    this.rooms = rooms;
    this.historyStart = historyStart;
    this.historyEnd = historyEnd;
    this.hotShare = hotShare;
    this.random = new SplittableRandom(seed);
  }

  /** The next request's path and query. */
  String next() {
    if (random.nextDouble() < hotShare) {
      int room = random.nextInt(Math.min(HOT_KEYS, rooms));
      return path(room, historyEnd.minus(Duration.ofHours(24)), historyEnd, "1m");
    }
    int room = random.nextInt(rooms);
    Duration span = SPANS.get(random.nextInt(SPANS.size()));
    long slackMinutes = Duration.between(historyStart, historyEnd).minus(span).toMinutes();
    Instant end = historyEnd.minus(Duration.ofMinutes(random.nextLong(Math.max(1, slackMinutes))));
    return path(room, end.minus(span), end, RESOLUTIONS.get(random.nextInt(RESOLUTIONS.size())));
  }

  private static String path(int room, Instant start, Instant end, String resolution) {
    return "/api/v1/rooms/room-"
        + room
        + "/data?start_time="
        + start
        + "&end_time="
        + end
        + "&resolution="
        + resolution;
  }
}
