package io.voltstream.forecast.streaming;

import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.evaluation.BlendForecaster;
import io.voltstream.forecast.features.CovariateOracle;
import io.voltstream.forecast.features.FeatureExtractor;
import io.voltstream.forecast.features.FeatureVector;
import io.voltstream.forecast.features.Normalization;
import io.voltstream.forecast.features.PastView;
import io.voltstream.forecast.training.ModelForecaster;
import io.voltstream.forecast.training.ModelStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decides how to forecast the next hours of one building and target, and does it: with the saved
 * model when it can be used here (no weather needed, unit compatible, the history holds the lags it
 * needs), else with the persistence ensemble, saying why. Pure: history and model in, batch out.
 */
public final class ForecastPlanner {
  public static final String FALLBACK_MODEL_ID = Baselines.PERSISTENCE_ENSEMBLE;
  private static final String LIVE_UNIT = "kWh";

  private ForecastPlanner() {}

  public static ForecastBatch plan(
      String building,
      ForecastTarget target,
      HourlySeries history,
      Instant origin,
      int horizonHours,
      Optional<ModelStore.Stored> model) {
    return plan(building, target, history, origin, horizonHours, model, Optional.empty());
  }

  /**
   * As above, but with {@code direct} (the building's PV forecaster for generation, {@code
   * io.voltstream.forecast.pv}) used instead of the saved model when present; when it cannot
   * forecast (NaN: too little generation history to measure its clear-sky index) the persistence
   * ensemble stands in with {@code history_short}.
   */
  public static ForecastBatch plan(
      String building,
      ForecastTarget target,
      HourlySeries history,
      Instant origin,
      int horizonHours,
      Optional<ModelStore.Stored> model,
      Optional<Forecaster> direct) {
    var past = new PastView(history, origin);
    List<Instant> hours = new ArrayList<>();
    for (int h = 0; h < horizonHours; h++) {
      hours.add(origin.plus(Duration.ofHours(h)));
    }
    if (direct.isPresent()) {
      double[] values = direct.get().forecast(past, hours);
      if (Arrays.stream(values).allMatch(Double::isFinite)) {
        return new ForecastBatch(
            building, target, origin, direct.get().id(), false, null, zip(hours, values));
      }
      return fallback(building, target, origin, past, hours, "history_short");
    }
    String reason = unusableReason(past, hours, model);
    if (reason == null) {
      var stored = model.orElseThrow();
      var extractor = new FeatureExtractor(stored.metadata().featureSpec());
      Forecaster forecaster =
          new ModelForecaster(
              stored.metadata().modelId(), extractor, stored.regressor(), CovariateOracle.NONE);
      if (stored.metadata().blend() < 1) {
        forecaster =
            new BlendForecaster(
                stored.metadata().modelId(),
                forecaster,
                Baselines.persistenceEnsemble(),
                stored.metadata().blend());
      }
      double[] values = forecaster.forecast(past, hours);
      return new ForecastBatch(
          building, target, origin, stored.metadata().modelId(), false, null, zip(hours, values));
    }
    return fallback(building, target, origin, past, hours, reason);
  }

  /** The persistence ensemble (the mean of the last day where it lacks a value), saying why. */
  private static ForecastBatch fallback(
      String building,
      ForecastTarget target,
      Instant origin,
      PastView past,
      List<Instant> hours,
      String reason) {
    double[] values = Baselines.persistenceEnsemble().forecast(past, hours);
    double recentMean = past.meanBeforeOrigin(Duration.ofDays(1));
    boolean any = false;
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        // Less than a day of history: the mean of what there is stands in for the missing day.
        values[i] = recentMean;
      }
      any |= !Double.isNaN(values[i]);
    }
    if (!any) {
      return new ForecastBatch(
          building, target, origin, FALLBACK_MODEL_ID, true, "no_history", List.of());
    }
    return new ForecastBatch(
        building, target, origin, FALLBACK_MODEL_ID, true, reason, zip(hours, values));
  }

  /** Null when the model can forecast every hour from this history; else the fallback reason. */
  static String unusableReason(
      PastView past, List<Instant> hours, Optional<ModelStore.Stored> model) {
    if (model.isEmpty()) {
      return "model_missing";
    }
    var metadata = model.get().metadata();
    if (metadata.featureSpec().usesWeather()) {
      return "model_needs_weather";
    }
    if (metadata.featureSpec().normalization() == Normalization.NONE
        && !LIVE_UNIT.equals(metadata.targetUnit())) {
      return "model_unit_mismatch";
    }
    var extractor = new FeatureExtractor(metadata.featureSpec());
    List<String> names = extractor.names();
    int lag24 = names.indexOf("lag_24h");
    int lag168 = names.indexOf("lag_168h");
    for (Instant hour : hours) {
      FeatureVector fv = extractor.extract(past, hour, CovariateOracle.NONE);
      if (!Double.isFinite(fv.level())
          || Double.isNaN(fv.values()[lag24])
          || Double.isNaN(fv.values()[lag168])) {
        return "history_short";
      }
    }
    return null;
  }

  private static List<ForecastBatch.HourValue> zip(List<Instant> hours, double[] values) {
    var out = new ArrayList<ForecastBatch.HourValue>();
    for (int i = 0; i < values.length; i++) {
      if (Double.isFinite(values[i])) {
        out.add(new ForecastBatch.HourValue(hours.get(i), Math.max(0, values[i])));
      }
    }
    return out;
  }
}
