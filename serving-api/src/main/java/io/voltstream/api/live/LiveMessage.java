package io.voltstream.api.live;

import java.util.Set;

/**
 * One server → client push, serialised once and shared by every session it goes to.
 *
 * @param stream the stream a client subscribes to ({@code readings}, {@code room_metrics}, {@code
 *     events})
 * @param key the conflation key: a newer message with the same key replaces an unsent older one
 *     (e.g. {@code reading:<sensor_id>}, {@code room_metrics:<room>})
 * @param room room of the record, or null
 * @param sensorId sensor of the record, or null
 * @param json the message text, a JSON object with a {@code type}
 * @param building building of building-wide records (forecasts), or null
 * @param buildings buildings of records concerning several (a trade: buyer and seller; a market
 *     clearing: the market's members); a token covering any of them gets it; empty otherwise
 */
public record LiveMessage(
    String stream,
    String key,
    String room,
    String sensorId,
    String json,
    String building,
    Set<String> buildings) {

  public LiveMessage {
    buildings = buildings == null ? Set.of() : Set.copyOf(buildings);
  }

  /** A building-wide message (or one about a room and/or sensor when {@code building} is null). */
  public LiveMessage(
      String stream, String key, String room, String sensorId, String json, String building) {
    this(stream, key, room, sensorId, json, building, Set.of());
  }

  /** A message about a room and/or sensor (not building-wide). */
  public LiveMessage(String stream, String key, String room, String sensorId, String json) {
    this(stream, key, room, sensorId, json, null);
  }
}
