package io.voltstream.forecast.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** A Tribuo regression model behind {@link FittedRegressor}; saved in Tribuo's protobuf format. */
public final class TribuoRegressor implements FittedRegressor {
  private final Model<Regressor> model;
  private final List<String> featureNames;

  public TribuoRegressor(Model<Regressor> model, List<String> featureNames) {
    this.model = model;
    this.featureNames = List.copyOf(featureNames);
  }

  /** Loads a model written by {@link #save}; fails when the file holds no regression model. */
  public static TribuoRegressor load(Path file, List<String> featureNames) throws IOException {
    Model<?> loaded = Model.deserializeFromFile(file);
    if (!loaded.validate(Regressor.class)) {
      throw new IOException(file + " does not hold a Tribuo regression model");
    }
    @SuppressWarnings("unchecked")
    Model<Regressor> regression = (Model<Regressor>) loaded;
    return new TribuoRegressor(regression, featureNames);
  }

  @Override
  public List<String> featureNames() {
    return featureNames;
  }

  @Override
  public double predict(double[] features) {
    var example = TribuoFitter.example(featureNames, features, RegressionFactory.UNKNOWN_REGRESSOR);
    if (example.size() == 0) {
      return Double.NaN;
    }
    return model.predict(example).getOutput().getValues()[0];
  }

  @Override
  public double[] predictAll(double[][] rows) {
    var examples = new java.util.ArrayList<org.tribuo.Example<Regressor>>(rows.length);
    for (double[] row : rows) {
      var example = TribuoFitter.example(featureNames, row, RegressionFactory.UNKNOWN_REGRESSOR);
      if (example.size() == 0) {
        return FittedRegressor.super.predictAll(rows);
      }
      examples.add(example);
    }
    return model.predict(examples).stream()
        .mapToDouble(p -> p.getOutput().getValues()[0])
        .toArray();
  }

  @Override
  public void save(Path file) throws IOException {
    model.serializeToFile(file);
  }

  @Override
  public String provenance() {
    return model.getProvenance().toString();
  }
}
