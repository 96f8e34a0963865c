package io.voltstream.forecast.energy;

import io.voltstream.energy.scorecard.NetLoadForecaster;
import io.voltstream.energy.scorecard.PastObservations;
import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.features.PastView;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Consumption and generation forecasts for the battery planner from the persistence ensemble (the
 * mean of the same hour over the previous 7 days, {@link Baselines#persistenceEnsemble}), computed
 * on hourly means of the observations strictly before the origin's hour. Each slot takes its hour's
 * forecast. Hours a full day or more ahead of the origin's hour, whose "previous day" is not yet
 * complete, take the forecast of the same hour one day earlier. An hour with no history falls back
 * to the mean of the last day, then to 0.
 */
public final class PersistenceNetLoadForecaster implements NetLoadForecaster {
  private static final Duration DAY = Duration.ofDays(1);
  private static final int HISTORY_DAYS = 8;

  @Override
  public LoadForecast forecast(PastObservations past, Instant origin, Duration slot, int slots) {
    Instant originHour = origin.truncatedTo(ChronoUnit.HOURS);
    HourlySeries consumption = hourly(past, originHour, true);
    HourlySeries generation = hourly(past, originHour, false);
    double[] c = new double[slots];
    double[] g = new double[slots];
    for (int i = 0; i < slots; i++) {
      Instant hour = origin.plus(slot.multipliedBy(i)).truncatedTo(ChronoUnit.HOURS);
      while (!hour.minus(DAY).isBefore(originHour)) {
        hour = hour.minus(DAY);
      }
      c[i] = ensemble(consumption, originHour, hour);
      g[i] = ensemble(generation, originHour, hour);
    }
    return new LoadForecast(c, g);
  }

  private static double ensemble(HourlySeries series, Instant originHour, Instant hour) {
    PastView view = new PastView(series, originHour);
    double v = Baselines.persistenceEnsemble(view, hour);
    if (Double.isNaN(v)) {
      v = view.meanBeforeOrigin(DAY);
    }
    return Double.isNaN(v) ? 0.0 : v;
  }

  private static HourlySeries hourly(
      PastObservations past, Instant originHour, boolean consumption) {
    Instant start = originHour.minus(DAY.multipliedBy(HISTORY_DAYS));
    int hours = HISTORY_DAYS * 24;
    double[] means = new double[hours];
    for (int h = 0; h < hours; h++) {
      Instant from = start.plus(HourlySeries.STEP.multipliedBy(h));
      Instant to = from.plus(HourlySeries.STEP);
      means[h] = consumption ? past.meanConsumptionW(from, to) : past.meanGenerationW(from, to);
    }
    return HourlySeries.of(start, means);
  }
}
