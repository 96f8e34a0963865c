package io.voltstream.forecast.streaming;

import io.voltstream.influx.LinePoint;
import io.voltstream.influx.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Line protocol for {@code forecasts} and {@code forecast_accuracy} (declared in the influx
 * module's {@link Schema}). Deterministic: a rerun for the same hour, lead and model writes the
 * same series key and timestamp, so it overwrites; runs at other origins keep their own point (the
 * {@code lead} tag) for the accuracy per lead band.
 */
public final class ForecastPoints {
  private ForecastPoints() {}

  /**
   * One point per hour of the batch, at the forecast hour; the fallback reason, quantiles, room and
   * guard figures only when set.
   */
  public static List<String> forecasts(ForecastBatch batch) {
    var f = Schema.FORECASTS;
    var lines = new ArrayList<String>();
    ForecastBatch.Guard guard = batch.guard();
    for (ForecastBatch.HourValue v : batch.values()) {
      long lead = (v.hour().toEpochMilli() - batch.origin().toEpochMilli()) / 3_600_000L;
      LinePoint p =
          LinePoint.of(f)
              .tag(f.building, batch.building())
              .tag(f.fallback, Boolean.toString(batch.fallback()))
              .tag(f.lead, Long.toString(lead))
              .tag(f.modelId, batch.modelId())
              .tag(f.room, batch.room())
              .tag(f.target, batch.target().id())
              .field(f.valueKwh, v.valueKwh())
              .field(f.p10Kwh, v.p10Kwh())
              .field(f.p90Kwh, v.p90Kwh())
              .field(f.issuedAt, batch.origin().toEpochMilli())
              .field(f.leadHours, lead)
              .field(f.fallbackReason, batch.fallbackReason());
      if (guard != null) {
        p.field(f.candidateModelId, guard.candidateModelId())
            .field(f.guardSkill, guard.skill())
            .field(f.guardHours, (long) guard.scoredHours());
      }
      lines.add(p.time(v.hour()).toLine());
    }
    return lines;
  }

  /**
   * The accuracy point at the report's time; NaN figures (e.g. an undefined skill) are left out.
   */
  public static String accuracy(AccuracyReport r) {
    var a = Schema.FORECAST_ACCURACY;
    return LinePoint.of(a)
        .tag(a.building, r.building())
        .tag(a.leadBand, r.leadBand().id())
        .tag(a.target, r.target().id())
        .field(a.nrmsePercent, r.nrmsePercent())
        .field(a.skill, r.skill())
        .field(a.maeKwh, r.maeKwh())
        .field(a.rmseKwh, r.rmseKwh())
        .field(a.baselineRmseKwh, r.baselineRmseKwh())
        .field(a.hours, r.hours())
        .field(a.windowHours, r.windowHours())
        .time(r.at())
        .toLine();
  }
}
