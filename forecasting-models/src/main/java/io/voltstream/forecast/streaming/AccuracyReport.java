package io.voltstream.forecast.streaming;

import io.voltstream.forecast.probabilistic.LeadBand;
import java.time.Instant;

/**
 * Live accuracy of one building's stored forecasts of one lead band over a trailing window: NRMSE
 * (percent), skill against the persistence ensemble issued at the same lead (NaN when undefined),
 * MAE and RMSE in kWh, over {@code hours} scored forecasts (an hour counts once per lead of the
 * band it was forecast at, where the forecast, the actual value and the ensemble all exist).
 */
public record AccuracyReport(
    String building,
    ForecastTarget target,
    LeadBand leadBand,
    Instant at,
    int windowHours,
    int hours,
    double nrmsePercent,
    double skill,
    double maeKwh,
    double rmseKwh,
    double baselineRmseKwh) {}
