package io.voltstream.energy.dr.baseline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The event window cut into slots of the history's interval from its start (the last may be
 * shorter), and where the same local time window lies on another day.
 */
record EventWindow(
    Instant start,
    Duration length,
    ZoneId zone,
    LocalDate day,
    LocalTime localStart,
    Duration interval) {
  static EventWindow of(Instant start, Instant end, ZoneId zone, Duration interval) {
    ZonedDateTime local = start.atZone(zone);
    return new EventWindow(
        start,
        Duration.between(start, end),
        zone,
        local.toLocalDate(),
        local.toLocalTime(),
        interval);
  }

  boolean weekend() {
    return Baselines.isWeekend(day);
  }

  int slotCount() {
    return (int) ((length.toNanos() + interval.toNanos() - 1) / interval.toNanos());
  }

  Duration slotOffset(int i) {
    return interval.multipliedBy(i);
  }

  Duration slotLength(int i) {
    Duration rest = length.minus(slotOffset(i));
    return rest.compareTo(interval) < 0 ? rest : interval;
  }

  /** The instant the event's local start time falls on {@code other} (DST-shifted if needed). */
  Instant startOn(LocalDate other) {
    return ZonedDateTime.of(other, localStart, zone).toInstant();
  }

  /** Time-weighted mean of per-slot values. */
  double mean(double[] slotKw) {
    double sum = 0;
    for (int i = 0; i < slotKw.length; i++) {
      sum += slotKw[i] * slotLength(i).toNanos();
    }
    return sum / length.toNanos();
  }

  String localSpan(Instant from, Instant to) {
    return from.atZone(zone).toLocalTime() + "–" + to.atZone(zone).toLocalTime() + " local";
  }
}
