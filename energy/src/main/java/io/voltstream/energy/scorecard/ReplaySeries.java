package io.voltstream.energy.scorecard;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A building's consumption and generation on a regular grid (average power per step [W]), the input
 * of a closed-loop replay. Immutable: arrays are copied in and never handed out.
 */
public final class ReplaySeries {
  private final Instant start;
  private final Duration step;
  private final double[] consumptionW;
  private final double[] generationW;

  public ReplaySeries(Instant start, Duration step, double[] consumptionW, double[] generationW) {
    this.start = Objects.requireNonNull(start, "start");
    this.step = Objects.requireNonNull(step, "step");
    if (step.isZero()
        || step.isNegative()
        || Duration.ofMinutes(15).toNanos() % step.toNanos() != 0) {
      throw new IllegalArgumentException("step must divide 15 minutes, was " + step);
    }
    if (consumptionW.length != generationW.length) {
      throw new IllegalArgumentException("consumption and generation differ in length");
    }
    for (int i = 0; i < consumptionW.length; i++) {
      if (!Double.isFinite(consumptionW[i])
          || !Double.isFinite(generationW[i])
          || consumptionW[i] < 0
          || generationW[i] < 0) {
        throw new IllegalArgumentException(
            "consumption and generation must be finite and ≥ 0 (step " + i + ")");
      }
    }
    this.consumptionW = consumptionW.clone();
    this.generationW = generationW.clone();
  }

  public Instant start() {
    return start;
  }

  public Duration step() {
    return step;
  }

  public int size() {
    return consumptionW.length;
  }

  /** The first instant after the series. */
  public Instant end() {
    return timeAt(size());
  }

  public Instant timeAt(int index) {
    return start.plus(step.multipliedBy(index));
  }

  /** Index of the step containing {@code t} (may be outside [0, size)). */
  public int indexOf(Instant t) {
    return (int) Math.floorDiv(Duration.between(start, t).toNanos(), step.toNanos());
  }

  public double consumptionW(int index) {
    return consumptionW[index];
  }

  public double generationW(int index) {
    return generationW[index];
  }

  public double netLoadW(int index) {
    return consumptionW[index] - generationW[index];
  }

  /** Mean net load over [from, from + slot·i) per slot, for {@code slots} slots [W]. */
  public double[] meanNetLoadW(Instant from, Duration slot, int slots) {
    double[] out = new double[slots];
    int perSlot = (int) (slot.toNanos() / step.toNanos());
    int first = indexOf(from);
    for (int s = 0; s < slots; s++) {
      double sum = 0;
      for (int k = 0; k < perSlot; k++) {
        sum += netLoadW(first + s * perSlot + k);
      }
      out[s] = sum / perSlot;
    }
    return out;
  }
}
