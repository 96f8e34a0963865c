package io.voltstream.forecast.streaming;

import io.voltstream.forecast.features.FeatureExtractor;
import io.voltstream.forecast.features.FeatureSpec;
import io.voltstream.forecast.training.FittedRegressor;
import io.voltstream.forecast.training.ModelMetadata;
import io.voltstream.forecast.training.ModelStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Saved-model stand-ins that predict a constant (times the level when normalised). */
final class StubModels {
  private StubModels() {}

  static ModelStore.Stored constant(FeatureSpec spec, String unit, double prediction) {
    var fx = new FeatureExtractor(spec);
    FittedRegressor regressor =
        new FittedRegressor() {
          @Override
          public List<String> featureNames() {
            return fx.names();
          }

          @Override
          public double predict(double[] features) {
            return prediction;
          }

          @Override
          public void save(Path file) {}

          @Override
          public String provenance() {
            return "stub";
          }
        };
    var metadata =
        new ModelMetadata(
            "stub-model",
            "stub",
            0,
            List.of("energy_kwh"),
            unit,
            spec,
            fx.names(),
            Instant.EPOCH,
            Instant.EPOCH,
            24,
            1.0,
            0,
            Map.of(),
            Instant.EPOCH,
            "stub");
    return new ModelStore.Stored(metadata, regressor);
  }
}
