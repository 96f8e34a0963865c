package io.voltstream.sim.building;

import io.voltstream.sim.device.RoomKind;

/**
 * A room of a simulated building: its registry name, what kind of room it is, and its floor area.
 */
public record SimRoom(String name, RoomKind kind, double areaM2) {}
