package io.voltstream.energy.dr.baseline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;

/** One eligible day's load over the event's local window, per slot and averaged. */
record DayLoad(LocalDate day, double[] slotKw, double meanKw) {
  static Optional<DayLoad> of(LoadHistory history, EventWindow window, LocalDate day) {
    Instant dayStart = window.startOn(day);
    double[] kw = new double[window.slotCount()];
    for (int i = 0; i < kw.length; i++) {
      Instant from = dayStart.plus(window.slotOffset(i));
      OptionalDouble slot = history.meanKw(from, from.plus(window.slotLength(i)));
      if (slot.isEmpty()) {
        return Optional.empty();
      }
      kw[i] = slot.getAsDouble();
    }
    return Optional.of(new DayLoad(day, kw, window.mean(kw)));
  }
}
