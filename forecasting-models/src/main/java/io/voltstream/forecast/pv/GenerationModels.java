package io.voltstream.forecast.pv;

import io.voltstream.forecast.baselines.Forecaster;
import java.util.Optional;

/**
 * The generation forecaster of a building, when its PV system is known (registry). The forecast
 * service uses it for target {@code generation} where it would use the saved model, and its guard
 * scores it on trailing days like any model (a {@link Forecaster} sees only the past).
 */
@FunctionalInterface
public interface GenerationModels {
  /** No PV forecaster for any building. */
  GenerationModels NONE = building -> Optional.empty();

  Optional<Forecaster> forBuilding(String building);
}
