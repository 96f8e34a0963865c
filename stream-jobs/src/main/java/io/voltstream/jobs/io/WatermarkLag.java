package io.voltstream.jobs.io;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * How far one source subtask's event-time watermark trails the wall clock: {@code now} minus the
 * smallest watermark of its active (not idle) partitions. Each partition's watermark generator
 * reports through its own {@link Slot}; the task thread writes, the metrics reporter reads, so the
 * slots hold volatile fields. Pure: no Flink types, unit-tested with plain numbers.
 *
 * <p>A partition that has not seen an event yet has no watermark ({@code Long.MIN_VALUE}, not
 * 1970): it is left out, and with no watermark at all the lag is unknown (NaN), never a meaningless
 * 56 years.
 */
public final class WatermarkLag {
  private final List<Slot> slots = new CopyOnWriteArrayList<>();

  /** One partition's watermark state. */
  public static final class Slot {
    private volatile long watermarkMs = Long.MIN_VALUE;
    private volatile boolean idle;

    public void watermark(long ms) {
      watermarkMs = ms;
      idle = false;
    }

    public void idle(boolean isIdle) {
      idle = isIdle;
    }
  }

  /** A slot for a new partition generator. */
  public Slot newSlot() {
    Slot slot = new Slot();
    slots.add(slot);
    return slot;
  }

  /**
   * {@code nowMs} minus the lowest watermark of the active partitions that have one, in ms; NaN
   * when none has (all idle, or no event seen yet).
   */
  public double lagMs(long nowMs) {
    long min = Long.MAX_VALUE;
    for (Slot s : slots) {
      if (!s.idle && s.watermarkMs > 0) {
        min = Math.min(min, s.watermarkMs);
      }
    }
    return min == Long.MAX_VALUE ? Double.NaN : (double) (nowMs - min);
  }
}
