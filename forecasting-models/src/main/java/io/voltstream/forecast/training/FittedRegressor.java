package io.voltstream.forecast.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained regressor: predicts one value from a feature row laid out like {@link #featureNames()}.
 */
public interface FittedRegressor {
  List<String> featureNames();

  double predict(double[] features);

  /** Predicts many rows at once (libraries batch this much faster than row by row). */
  default double[] predictAll(double[][] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = predict(rows[i]);
    }
    return out;
  }

  /** Writes the model in its library's own format (with its provenance). */
  void save(Path file) throws IOException;

  /** Human-readable provenance (trainer, hyper-parameters, data), for the metadata file. */
  String provenance();
}
