package io.voltstream.forecast;

import io.voltstream.forecast.data.HourlySeries;
import java.time.Instant;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/** Named instants and synthetic series shared by the forecasting tests. */
public final class ForecastTestData {
  /** A Monday midnight. */
  public static final Instant MONDAY = Instant.parse("2016-03-07T00:00:00Z");

  public static final Instant START = Instant.parse("2016-02-15T00:00:00Z");

  private ForecastTestData() {}

  /** {@code days} days of hourly values from {@link #START}, value = f(hour index). */
  public static HourlySeries hourly(int days, IntToDoubleFunction f) {
    double[] v = new double[days * 24];
    for (int i = 0; i < v.length; i++) {
      v[i] = f.applyAsDouble(i);
    }
    return HourlySeries.of(START, v);
  }

  /** Hour index as the value: makes lags easy to check by hand. */
  public static HourlySeries indexSeries(int days) {
    return hourly(days, i -> i);
  }

  /** A daily shape (low at night, peak at 19:00) with a weekend uplift and deterministic noise. */
  public static HourlySeries dailyShape(int days, double scale) {
    return hourly(
        days,
        i -> {
          int hour = i % 24;
          int day = i / 24;
          double base =
              1
                  + Math.exp(-Math.pow(hour - 19, 2) / 8.0) * 3
                  + Math.exp(-Math.pow(hour - 8, 2) / 4.0);
          double weekend = (day % 7 == 5 || day % 7 == 6) ? 1.3 : 1.0;
          double noise = 0.2 * Math.sin(i * 12.9898);
          return scale * (base * weekend + noise);
        });
  }

  /** Index series with a weather covariate equal to −hour index. */
  public static HourlySeries withWeather(int days) {
    double[] v = new double[days * 24];
    double[] w = new double[days * 24];
    for (int i = 0; i < v.length; i++) {
      v[i] = 100 + (i % 24);
      w[i] = -i;
    }
    return new HourlySeries(START, v, Map.of("T_out", w));
  }
}
