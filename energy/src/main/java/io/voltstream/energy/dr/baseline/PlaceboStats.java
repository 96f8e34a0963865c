package io.voltstream.energy.dr.baseline;

import java.util.List;

/**
 * Accuracy of a baseline over pretend events, each event counted once by its mean kW: bias % =
 * mean(baseline − actual) ÷ mean(actual) × 100 (positive = the baseline overstates the load, i.e.
 * would pay for reductions that did not happen); CV(RMSE) % = √mean((baseline − actual)²) ÷
 * mean(actual) × 100. NaN when there are no windows.
 */
public record PlaceboStats(int windows, double biasPercent, double cvRmsePercent) {

  public static PlaceboStats of(List<PlaceboSample> samples) {
    int n = samples.size();
    if (n == 0) {
      return new PlaceboStats(0, Double.NaN, Double.NaN);
    }
    double error = 0;
    double squared = 0;
    double actual = 0;
    for (PlaceboSample s : samples) {
      double e = s.baselineKw() - s.actualKw();
      error += e;
      squared += e * e;
      actual += s.actualKw();
    }
    double meanActual = actual / n;
    return new PlaceboStats(
        n, 100 * (error / n) / meanActual, 100 * Math.sqrt(squared / n) / meanActual);
  }

  /** |bias| within the goal (issue 9: 5 %). */
  public boolean biasWithin(double maxAbsPercent) {
    return windows > 0 && Math.abs(biasPercent) <= maxAbsPercent;
  }
}
