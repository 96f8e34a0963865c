package io.voltstream.jobs.alerts.logic;

import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.SystemEvent.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Comfort alerts of one room over one aggregation window: window-average CO2 above the limit and
 * window-average temperature outside the band. Using the window average (not single readings) keeps
 * one noisy sample from raising an alert; events are stamped at the window start, like the {@code
 * room_metrics} point they come from.
 */
public final class ComfortRules {

  private ComfortRules() {}

  /**
   * The alerts of one window aggregate; none for a record without room or window start (foreign or
   * damaged).
   */
  public static List<SystemEvent> evaluate(RoomMetrics m, AlertThresholds t) {
    List<SystemEvent> events = new ArrayList<>(2);
    if (m.room() == null || m.windowStart() == null) {
      return events;
    }
    Double co2 = m.co2AvgPpm();
    if (co2 != null && co2 > t.co2MaxPpm()) {
      events.add(
          event(
              m,
              AlertKinds.CO2_HIGH,
              co2,
              t.co2MaxPpm(),
              String.format(
                  Locale.ROOT, "CO2 %.0f ppm above %.0f ppm in %s", co2, t.co2MaxPpm(), m.room())));
    }
    Double temp = m.temperatureAvgC();
    if (temp != null && temp > t.temperatureMaxC()) {
      events.add(
          event(
              m,
              AlertKinds.TEMPERATURE_HIGH,
              temp,
              t.temperatureMaxC(),
              String.format(
                  Locale.ROOT,
                  "temperature %.1f °C above %.1f °C in %s",
                  temp,
                  t.temperatureMaxC(),
                  m.room())));
    } else if (temp != null && temp < t.temperatureMinC()) {
      events.add(
          event(
              m,
              AlertKinds.TEMPERATURE_LOW,
              temp,
              t.temperatureMinC(),
              String.format(
                  Locale.ROOT,
                  "temperature %.1f °C below %.1f °C in %s",
                  temp,
                  t.temperatureMinC(),
                  m.room())));
    }
    return events;
  }

  private static SystemEvent event(
      RoomMetrics m, String kind, double value, double threshold, String message) {
    return new SystemEvent(
        AlertKinds.eventId(kind, m.room(), m.windowStart()),
        m.windowStart(),
        kind,
        Severity.WARNING,
        m.room(),
        null,
        message,
        value,
        threshold);
  }
}
