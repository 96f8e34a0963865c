package io.voltstream.sim.device;

/**
 * Stateless, seeded pseudo-randomness: the same (seed, key, slot) always gives the same number.
 *
 * <p>Used for everything that must not depend on how often a value is asked for (occupancy per 15
 * minutes, cloud cover per day), so that the simulation stays deterministic for a seed whatever the
 * publish rate or acceleration.
 */
public final class Noise {
  private Noise() {}

  /** Uniform in [0, 1). */
  public static double uniform(long seed, String key, long slot) {
    long h =
        mix(seed ^ mix(key.hashCode() * 0x9E3779B97F4A7C15L) ^ mix(slot + 0x632BE59BD9B4E019L));
    return (h >>> 11) * 0x1.0p-53;
  }

  /** Standard normal (mean 0, deviation 1), by Box–Muller on two independent uniforms. */
  public static double gaussian(long seed, String key, long slot) {
    double u1 = Math.max(uniform(seed, key, slot), 1e-12);
    double u2 = uniform(seed ^ 0x5DEECE66DL, key, slot);
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** SplitMix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
