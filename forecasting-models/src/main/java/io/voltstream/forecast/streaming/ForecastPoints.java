package io.voltstream.forecast.streaming;

import io.voltstream.influx.LinePoint;
import io.voltstream.influx.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Line protocol for {@code forecasts} and {@code forecast_accuracy} (declared in the influx
 * module's {@link Schema}). Deterministic: a rerun for the same hour and model writes the same
 * series key and timestamp, so it overwrites.
 */
public final class ForecastPoints {
  private ForecastPoints() {}

  /** One point per hour of the batch, at the forecast hour; the fallback reason only when set. */
  public static List<String> forecasts(ForecastBatch batch) {
    var f = Schema.FORECASTS;
    var lines = new ArrayList<String>();
    for (ForecastBatch.HourValue v : batch.values()) {
      long lead = (v.hour().toEpochMilli() - batch.origin().toEpochMilli()) / 3_600_000L;
      lines.add(
          LinePoint.of(f)
              .tag(f.building, batch.building())
              .tag(f.fallback, Boolean.toString(batch.fallback()))
              .tag(f.modelId, batch.modelId())
              .tag(f.target, batch.target().id())
              .field(f.valueKwh, v.valueKwh())
              .field(f.issuedAt, batch.origin().toEpochMilli())
              .field(f.leadHours, lead)
              .field(f.fallbackReason, batch.fallbackReason())
              .time(v.hour())
              .toLine());
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
