package io.voltstream.forecast.streaming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Line protocol for {@code forecasts} and {@code forecast_accuracy}. Deterministic: a rerun for the
 * same hour and model writes the same series key and timestamp, so it overwrites.
 */
public final class ForecastPoints {
  public static final String FORECASTS = "forecasts";
  public static final String ACCURACY = "forecast_accuracy";

  private ForecastPoints() {}

  /**
   * {@code forecasts,building=…,fallback=…,model_id=…,target=… value_kwh=…,issued_at=…i,lead_hours=…i <hour ms>}.
   */
  public static List<String> forecasts(ForecastBatch batch) {
    String tags = FORECASTS
        + ",building=" + InfluxQl.tagValue(batch.building())
        + ",fallback=" + batch.fallback()
        + ",model_id=" + InfluxQl.tagValue(batch.modelId())
        + ",target=" + batch.target().id();
    var lines = new ArrayList<String>();
    for (ForecastBatch.HourValue v : batch.values()) {
      long lead = (v.hour().toEpochMilli() - batch.origin().toEpochMilli()) / 3_600_000L;
      String fields = "value_kwh=" + number(v.valueKwh())
          + ",issued_at=" + batch.origin().toEpochMilli() + "i"
          + ",lead_hours=" + lead + "i"
          + (batch.fallbackReason() == null ? "" : ",fallback_reason=\"" + batch.fallbackReason() + "\"");
      lines.add(tags + " " + fields + " " + v.hour().toEpochMilli());
    }
    return lines;
  }

  /** {@code forecast_accuracy,building=…,target=… nrmse_percent=…,skill=…,… <at ms>}; NaN fields are left out. */
  public static String accuracy(AccuracyReport r) {
    var fields = new ArrayList<String>();
    addIfFinite(fields, "nrmse_percent", r.nrmsePercent());
    addIfFinite(fields, "skill", r.skill());
    addIfFinite(fields, "mae_kwh", r.maeKwh());
    addIfFinite(fields, "rmse_kwh", r.rmseKwh());
    addIfFinite(fields, "baseline_rmse_kwh", r.baselineRmseKwh());
    fields.add("hours=" + r.hours() + "i");
    fields.add("window_hours=" + r.windowHours() + "i");
    return ACCURACY + ",building=" + InfluxQl.tagValue(r.building()) + ",target=" + r.target().id()
        + " " + String.join(",", fields) + " " + r.at().toEpochMilli();
  }

  private static void addIfFinite(List<String> fields, String name, double value) {
    if (Double.isFinite(value)) {
      fields.add(name + "=" + number(value));
    }
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }
}
