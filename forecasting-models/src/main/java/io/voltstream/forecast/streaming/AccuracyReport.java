package io.voltstream.forecast.streaming;

import java.time.Instant;

/**
 * Live accuracy of one building's stored forecasts over a trailing window: NRMSE (percent), skill
 * against the persistence ensemble (NaN when undefined), MAE and RMSE in kWh, over {@code hours}
 * hours where a forecast, the actual value and the ensemble all exist.
 */
public record AccuracyReport(
    String building,
    ForecastTarget target,
    Instant at,
    int windowHours,
    int hours,
    double nrmsePercent,
    double skill,
    double maeKwh,
    double rmseKwh,
    double baselineRmseKwh) {}
