package io.voltstream.api.batteries;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Energy from power samples (+ charging, − discharging): each sample holds until the next one
 * (sample-and-hold, as a battery reports its current power), a gap longer than {@link #MAX_HOLD}
 * counts only {@link #MAX_HOLD} (the battery was silent: we do not invent energy), and the last
 * sample holds until the window's end, at most {@link #MAX_HOLD}.
 */
final class PowerIntegral {
  static final Duration MAX_HOLD = Duration.ofMinutes(5);

  /** A power sample [W] at an instant. */
  record Sample(Instant at, double powerW) {}

  /** Charged and discharged energy [kWh], both ≥ 0. */
  record Energy(double chargedKwh, double dischargedKwh) {}

  private PowerIntegral() {}

  /** Integrates samples sorted by time, within [start of the first sample, {@code end}). */
  static Energy integrate(List<Sample> samples, Instant end) {
    double chargedWh = 0;
    double dischargedWh = 0;
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      Instant next = i + 1 < samples.size() ? samples.get(i + 1).at() : end;
      long heldMs =
          Math.min(Math.max(0, Duration.between(s.at(), next).toMillis()), MAX_HOLD.toMillis());
      double wh = s.powerW() * heldMs / 3_600_000.0;
      if (wh > 0) {
        chargedWh += wh;
      } else {
        dischargedWh -= wh;
      }
    }
    return new Energy(chargedWh / 1000.0, dischargedWh / 1000.0);
  }
}
