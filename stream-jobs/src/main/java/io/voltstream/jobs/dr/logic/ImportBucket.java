package io.voltstream.jobs.dr.logic;

/**
 * Grid-import samples of one building in one 15-minute interval: their sum and count, so the
 * interval's mean is known without keeping the samples.
 *
 * @param sumW sum of the sampled grid imports [W]
 * @param samples number of samples
 */
public record ImportBucket(double sumW, long samples) {

  public static final ImportBucket EMPTY = new ImportBucket(0, 0);

  public ImportBucket add(double importW) {
    return new ImportBucket(sumW + importW, samples + 1);
  }

  /** Mean grid import [kW]; NaN without samples. */
  public double meanKw() {
    return samples == 0 ? Double.NaN : sumW / samples / 1000.0;
  }
}
