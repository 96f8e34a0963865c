package io.voltstream.jobs.dr;

import io.voltstream.influx.LinePoint;
import io.voltstream.influx.Schema;
import java.util.Locale;

/**
 * Measurements {@code dr_events} (status, controlled targets, note) and {@code dr_performance}
 * (baseline, metered, delivered, ratio, kWh, benefit) of a DR report; time = the report's event
 * time, so a replay rewrites the same points.
 */
public final class DrPoints {
  private DrPoints() {}

  public static String drEvent(DrReport r) {
    var m = Schema.DR_EVENTS;
    return LinePoint.of(m)
        .tag(m.building, r.building())
        .tag(m.eventId, r.eventId())
        .field(m.status, r.status().name().toLowerCase(Locale.ROOT))
        .field(m.requestedKw, r.requestedKw())
        .field(m.controlled, r.controlled())
        .field(m.note, r.note())
        .time(r.at())
        .toLine();
  }

  public static String drPerformance(DrReport r) {
    var m = Schema.DR_PERFORMANCE;
    return LinePoint.of(m)
        .tag(m.building, r.building())
        .tag(m.eventId, r.eventId())
        .tag(m.baselineMethod, r.baselineMethod())
        .field(m.baselineKw, r.baselineKw())
        .field(m.meteredKw, r.meteredKw())
        .field(m.deliveredKw, r.deliveredKw())
        .field(m.requestedKw, r.requestedKw())
        .field(m.performanceRatio, r.performanceRatio())
        .field(m.deliveredKwh, r.deliveredKwh())
        .field(m.benefitEur, r.benefitEur())
        .time(r.at())
        .toLine();
  }
}
