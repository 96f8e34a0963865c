package io.voltstream.forecast.pv;

import io.voltstream.forecast.baselines.Forecaster;
import java.util.Optional;

/**
 * The generation forecaster of a building when its PV system is known: the seam through which the
 * forecast service uses {@link ClearSkyPvForecaster} for the {@code generation} target (agreed with
 * the service's owner in the Phase 6 hand-off).
 */
@FunctionalInterface
public interface GenerationModels {
  GenerationModels NONE = building -> Optional.empty();

  Optional<Forecaster> forBuilding(String building);
}
