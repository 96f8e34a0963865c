package io.voltstream.api.live;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a session wants pushed. A message matches when its stream is subscribed and, if any rooms or
 * sensors are named, its room or sensor is one of them (no rooms and no sensors: every room).
 */
public record Subscription(Set<String> rooms, Set<String> sensors, Set<String> streams) {

  /** Streams a subscribe without {@code streams} asks for. */
  public static final Set<String> DEFAULT_STREAMS =
      Set.of(LiveStreams.READINGS, LiveStreams.ROOM_METRICS, LiveStreams.EVENTS);

  public static final Subscription NONE = new Subscription(Set.of(), Set.of(), Set.of());

  public Subscription {
    rooms = Set.copyOf(rooms);
    sensors = Set.copyOf(sensors);
    streams = Set.copyOf(streams);
  }

  public boolean isEmpty() {
    return streams.isEmpty();
  }

  public boolean matches(LiveMessage m) {
    if (!streams.contains(m.stream())) {
      return false;
    }
    if (rooms.isEmpty() && sensors.isEmpty()) {
      return true;
    }
    return (m.room() != null && rooms.contains(m.room()))
        || (m.sensorId() != null && sensors.contains(m.sensorId()));
  }

  public Subscription plus(Subscription other) {
    return new Subscription(
        union(rooms, other.rooms), union(sensors, other.sensors), union(streams, other.streams));
  }

  /**
   * Removes what {@code other} names. Removing only streams keeps rooms/sensors; removing every
   * room and sensor of a filtered subscription (and naming no streams) ends the subscription.
   */
  public Subscription minus(Subscription other) {
    Set<String> r = difference(rooms, other.rooms);
    Set<String> s = difference(sensors, other.sensors);
    Set<String> st = difference(streams, other.streams);
    boolean hadFilter = !rooms.isEmpty() || !sensors.isEmpty();
    if (hadFilter && r.isEmpty() && s.isEmpty()) {
      return NONE;
    }
    if (st.isEmpty()) {
      return NONE;
    }
    return new Subscription(r, s, st);
  }

  static Subscription of(List<String> rooms, List<String> sensors, List<String> streams) {
    return new Subscription(Set.copyOf(rooms), Set.copyOf(sensors), Set.copyOf(streams));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.addAll(b);
    return out;
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.removeAll(b);
    return out;
  }
}
