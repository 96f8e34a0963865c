package io.voltstream.sim.building;

import io.voltstream.sim.device.RoomKind;
import io.voltstream.sim.device.load.LoadMix;

/**
 * A room of a simulated building: its registry name, what kind of room it is, its floor area, and
 * the load its meters see when that is not the kind's own shape (a whole building behind one
 * aggregate meter).
 *
 * @param load the room's load; null = the {@link io.voltstream.sim.device.load.LoadProfile} shape
 *     of {@code kind}
 */
public record SimRoom(String name, RoomKind kind, double areaM2, LoadMix load) {

  /** A room whose load is its kind's shape. */
  public SimRoom(String name, RoomKind kind, double areaM2) {
    this(name, kind, areaM2, null);
  }
}
