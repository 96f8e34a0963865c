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
import io.voltstream.forecast.guard.DayAheadBacktest;
import io.voltstream.forecast.guard.ProductionGuard;
import io.voltstream.forecast.guard.ProductionGuard.Choice;
import io.voltstream.forecast.probabilistic.ResidualQuantiles;
import io.voltstream.forecast.training.ModelForecaster;
import io.voltstream.forecast.training.ModelStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides how to forecast the next hours of one building (or room) and target, and does it. The
 * candidate is the saved model when it can be used here (no weather needed, unit compatible, the
 * history holds the lags it needs) or the PV forecaster for generation; the production guard
 * ({@link ProductionGuard}) replays it and the persistence ensemble on the trailing days and serves
 * the better one with hysteresis; the errors of the served one in that replay give the P10/P90
 * ({@link ResidualQuantiles}). Without a usable candidate the ensemble is served, saying why. Pure:
 * history, candidate and the previous choice in; batch and choice out.
 */
public final class ForecastPlanner {
  public static final String FALLBACK_MODEL_ID = Baselines.PERSISTENCE_ENSEMBLE;
  private static final String LIVE_UNIT = "kWh";

  private ForecastPlanner() {}

  /** What the service may serve instead of the ensemble: a forecaster, or why there is none. */
  public record Candidate(Optional<Forecaster> forecaster, String unusableReason) {
    public static Candidate of(Forecaster forecaster) {
      return new Candidate(Optional.of(forecaster), null);
    }

    public static Candidate unusable(String reason) {
      return new Candidate(Optional.empty(), reason);
    }
  }

  /** The batch to write and the guard's choice to remember for the next run. */
  public record Plan(ForecastBatch batch, Choice choice) {}

  /** A building-wide plan with the saved model and a guard that starts from the model. */
  public static ForecastBatch plan(
      String building,
      ForecastTarget target,
      HourlySeries history,
      Instant origin,
      int horizonHours,
      Optional<ModelStore.Stored> model) {
    List<Instant> hours = hours(origin, horizonHours);
    return plan(
            building,
            null,
            target,
            history,
            origin,
            horizonHours,
            savedModel(new PastView(history, origin), hours, model),
            Choice.MODEL)
        .batch();
  }

  public static Plan plan(
      String building,
      String room,
      ForecastTarget target,
      HourlySeries history,
      Instant origin,
      int horizonHours,
      Candidate candidate,
      Choice previous) {
    var past = new PastView(history, origin);
    List<Instant> hours = hours(origin, horizonHours);
    Forecaster ensemble = Baselines.persistenceEnsemble();
    DayAheadBacktest.Result replay =
        DayAheadBacktest.run(
            candidate.forecaster(), ensemble, history, origin, ProductionGuard.TRAILING_DAYS);
    if (candidate.forecaster().isPresent()) {
      Forecaster model = candidate.forecaster().get();
      var decision = ProductionGuard.decide(previous, replay);
      var guard = new ForecastBatch.Guard(model.id(), decision.skill(), decision.scoredHours());
      if (decision.choice() == Choice.MODEL) {
        double[] values = model.forecast(past, hours);
        if (allFinite(values)) {
          var quantiles = ResidualQuantiles.fit(replay.candidate());
          return new Plan(
              new ForecastBatch(
                  building,
                  room,
                  target,
                  origin,
                  model.id(),
                  false,
                  null,
                  guard,
                  zip(origin, hours, values, quantiles)),
              decision.choice());
        }
        // A candidate that cannot forecast every hour (e.g. no history for its inputs yet).
        return new Plan(
            ensembleBatch(
                building, room, target, past, origin, hours, replay, "history_short", guard),
            decision.choice());
      }
      return new Plan(
          ensembleBatch(
              building,
              room,
              target,
              past,
              origin,
              hours,
              replay,
              ProductionGuard.BASELINE_BETTER,
              guard),
          decision.choice());
    }
    return new Plan(
        ensembleBatch(
            building, room, target, past, origin, hours, replay, candidate.unusableReason(), null),
        previous);
  }

  /** The saved model as a candidate, or why it cannot forecast these hours from this history. */
  public static Candidate savedModel(
      PastView past, List<Instant> hours, Optional<ModelStore.Stored> model) {
    String reason = unusableReason(past, hours, model);
    if (reason != null) {
      return Candidate.unusable(reason);
    }
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
    return Candidate.of(forecaster);
  }

  /** The hours a run forecasts: {@code horizonHours} from the origin. */
  public static List<Instant> hours(Instant origin, int horizonHours) {
    List<Instant> hours = new ArrayList<>();
    for (int h = 0; h < horizonHours; h++) {
      hours.add(origin.plus(Duration.ofHours(h)));
    }
    return hours;
  }

  private static ForecastBatch ensembleBatch(
      String building,
      String room,
      ForecastTarget target,
      PastView past,
      Instant origin,
      List<Instant> hours,
      DayAheadBacktest.Result replay,
      String reason,
      ForecastBatch.Guard guard) {
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
          building, room, target, origin, FALLBACK_MODEL_ID, true, "no_history", guard, List.of());
    }
    var quantiles = ResidualQuantiles.fit(replay.reference());
    return new ForecastBatch(
        building,
        room,
        target,
        origin,
        FALLBACK_MODEL_ID,
        true,
        reason,
        guard,
        zip(origin, hours, values, quantiles));
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

  private static boolean allFinite(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  private static List<ForecastBatch.HourValue> zip(
      Instant origin, List<Instant> hours, double[] values, ResidualQuantiles quantiles) {
    var out = new ArrayList<ForecastBatch.HourValue>();
    for (int i = 0; i < values.length; i++) {
      if (Double.isFinite(values[i])) {
        double point = Math.max(0, values[i]);
        var interval = quantiles.apply(Duration.between(origin, hours.get(i)), point);
        out.add(
            new ForecastBatch.HourValue(
                hours.get(i),
                point,
                interval.map(ResidualQuantiles.Interval::p10Kwh).orElse(null),
                interval.map(ResidualQuantiles.Interval::p90Kwh).orElse(null)));
      }
    }
    return out;
  }
}
