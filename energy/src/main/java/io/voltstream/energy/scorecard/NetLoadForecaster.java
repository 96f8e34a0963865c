package io.voltstream.energy.scorecard;

import java.time.Duration;
import java.time.Instant;

/**
 * Forecasts a building's consumption and generation per slot from observations before the origin
 * only; the planning strategy re-plans from it. Implementations live where the forecasting lives
 * (forecasting-models); a value the history cannot provide must be filled, never NaN.
 */
public interface NetLoadForecaster {
  /** Forecast consumption and generation per slot [W], each array {@code slots} long. */
  LoadForecast forecast(PastObservations past, Instant origin, Duration slot, int slots);

  /** Forecast average power per slot [W]. */
  record LoadForecast(double[] consumptionW, double[] generationW) {
    public double[] netLoadW() {
      double[] net = new double[consumptionW.length];
      for (int i = 0; i < net.length; i++) {
        net[i] = consumptionW[i] - generationW[i];
      }
      return net;
    }
  }
}
