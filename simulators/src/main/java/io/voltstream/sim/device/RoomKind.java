package io.voltstream.sim.device;

/**
 * The kinds of room the synthetic building is made of. Each kind carries the physical constants the
 * models need; schedules (load, occupancy) are looked up by kind in their own classes.
 */
public enum RoomKind {
  KITCHEN(14.0, 35.0, 1.2, 21.0, 18.0),
  LIVING_ROOM(28.0, 70.0, 0.6, 21.5, 18.0),
  OFFICE(12.0, 30.0, 0.5, 21.0, 17.0),
  BEDROOM(14.0, 35.0, 0.5, 19.0, 17.5),
  BATHROOM(7.0, 17.5, 2.0, 22.5, 19.0),
  /** The roof carrying the PV array: no occupants, no indoor climate. */
  ROOF(40.0, 0.0, 0.0, 0.0, 0.0),
  /**
   * A whole building behind one aggregate meter (the community's extra buildings): no simulated
   * indoor climate; its load is the room's {@link io.voltstream.sim.device.load.LoadMix}.
   */
  WHOLE_BUILDING(0.0, 0.0, 0.0, 0.0, 0.0);

  private final double areaM2;
  private final double volumeM3;
  private final double airChangesPerHour;
  private final double daySetpointC;
  private final double nightSetpointC;

  RoomKind(
      double areaM2,
      double volumeM3,
      double airChangesPerHour,
      double daySetpointC,
      double nightSetpointC) {
    this.areaM2 = areaM2;
    this.volumeM3 = volumeM3;
    this.airChangesPerHour = airChangesPerHour;
    this.daySetpointC = daySetpointC;
    this.nightSetpointC = nightSetpointC;
  }

  public double areaM2() {
    return areaM2;
  }

  public double volumeM3() {
    return volumeM3;
  }

  public double airChangesPerHour() {
    return airChangesPerHour;
  }

  /** Heating setpoint for a local hour: day setpoint between 06:00 and 22:00. */
  public double setpointC(int localHour) {
    return localHour >= 6 && localHour < 22 ? daySetpointC : nightSetpointC;
  }

  public boolean hasIndoorClimate() {
    return this != ROOF && this != WHOLE_BUILDING;
  }
}
