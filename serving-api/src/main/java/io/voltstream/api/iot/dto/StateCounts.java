package io.voltstream.api.iot.dto;

/** Counts of devices by state: on, off, unknown (no fresh meter reading). */
public record StateCounts(int total, int on, int off, int unknown) {
  public static final StateCounts NONE = new StateCounts(0, 0, 0, 0);

  public StateCounts plus(StateCounts other) {
    return new StateCounts(
        total + other.total, on + other.on, off + other.off, unknown + other.unknown);
  }
}
