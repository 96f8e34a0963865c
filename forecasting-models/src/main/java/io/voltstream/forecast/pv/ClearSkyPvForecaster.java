package io.voltstream.forecast.pv;

import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.features.PastView;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Hourly PV generation forecast [kWh] from the system's parameters: the clear-sky generation of
 * each target hour ({@link ClearSkyPv}) times the clear-sky index observed before the origin.
 *
 * <ul>
 *   <li>The index is measured over the last {@code indexWindow} (ratio of sums, {@link
 *       ClearSkyIndex}) and per hour of the day, each hour's index shrunk towards the window's
 *       (weight {@link #PROFILE_PRIOR_DAYS} days): a systematic shape error of the clear-sky model
 *       for this roof (orientation, shading, the transposition model) is learnt from the data,
 *       cloudiness of single days is not.
 *   <li>Hours of the origin's own (solar) day are scaled by how the day's hours seen so far compare
 *       with what that index expected (shrunk towards 1 by {@link #PRIOR_CLEAR_SKY_KWH_PER_KWP}),
 *       because cloudiness persists within a day. From midnight nothing of the day is seen.
 *   <li>NaN everywhere when the window holds too little sun to measure an index (no or very little
 *       generation history): the caller falls back.
 * </ul>
 */
public final class ClearSkyPvForecaster implements Forecaster {
  public static final String MODEL_ID = "pv-clearsky";

  /** Chosen on a validation seed, not on the reported one (forecasting-models/README.md). */
  public static final Duration DEFAULT_INDEX_WINDOW = Duration.ofDays(28);

  /** The window must hold at least this much clear-sky energy per kWp to give an index. */
  static final double MIN_CLEAR_SKY_KWH_PER_KWP = 2.0;

  /** Weight of today's hours against the window's index, in clear-sky kWh per kWp. */
  static final double PRIOR_CLEAR_SKY_KWH_PER_KWP = 0.5;

  /** Weight of the whole window's index in each hour-of-day index, in days of that hour. */
  static final double PROFILE_PRIOR_DAYS = 7.0;

  private final ClearSkyPv clearSky;
  private final Duration indexWindow;
  private final boolean hourProfile;

  public ClearSkyPvForecaster(PvSite site) {
    this(new ClearSkyPv(site), DEFAULT_INDEX_WINDOW, true);
  }

  /**
   * @param hourProfile whether the index is refined per hour of the day (else one index)
   */
  public ClearSkyPvForecaster(ClearSkyPv clearSky, Duration indexWindow, boolean hourProfile) {
    if (indexWindow.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException("index window must be at least 1 day: " + indexWindow);
    }
    this.clearSky = clearSky;
    this.indexWindow = indexWindow;
    this.hourProfile = hourProfile;
  }

  @Override
  public String id() {
    return MODEL_ID;
  }

  @Override
  public double[] forecast(PastView past, List<Instant> targets) {
    double[] out = new double[targets.size()];
    double capacityKwp = clearSky.site().capacityKwp();
    Instant origin = past.origin();
    double[] observedByHour = new double[24];
    double[] clearByHour = new double[24];
    int[] daysByHour = new int[24];
    for (Instant t = origin.minus(indexWindow); t.isBefore(origin); t = t.plus(HourlySeries.STEP)) {
      double cs = clearSky.hourKwh(t);
      double obs = past.target(t);
      if (cs > 0 && Double.isFinite(obs)) {
        int h = hourOfDay(t);
        observedByHour[h] += Math.max(0, obs);
        clearByHour[h] += cs;
        daysByHour[h]++;
      }
    }
    var window =
        new ClearSkyIndex(Arrays.stream(observedByHour).sum(), Arrays.stream(clearByHour).sum());
    if (window.clearSkyKwh() < MIN_CLEAR_SKY_KWH_PER_KWP * capacityKwp) {
      Arrays.fill(out, Double.NaN);
      return out;
    }
    double[] index = new double[24];
    for (int h = 0; h < 24; h++) {
      index[h] =
          !hourProfile || daysByHour[h] == 0
              ? window.value()
              : new ClearSkyIndex(observedByHour[h], clearByHour[h])
                  .shrunkTowards(
                      window.value(), PROFILE_PRIOR_DAYS * clearByHour[h] / daysByHour[h]);
    }
    double todayFactor = todayFactor(past, index, capacityKwp);
    long originDay = solarDay(origin);
    for (int i = 0; i < out.length; i++) {
      Instant t = targets.get(i);
      double k = index[hourOfDay(t)] * (solarDay(t) == originDay ? todayFactor : 1.0);
      out[i] = Math.min(capacityKwp, k * clearSky.hourKwh(t));
    }
    return out;
  }

  /** Observed / expected generation of the origin's day so far, shrunk towards 1. */
  private double todayFactor(PastView past, double[] index, double capacityKwp) {
    double observed = 0;
    double expected = 0;
    for (Instant t = solarDayStart(past.origin());
        t.isBefore(past.origin());
        t = t.plus(HourlySeries.STEP)) {
      double obs = past.target(t);
      if (Double.isFinite(obs)) {
        observed += Math.max(0, obs);
        expected += index[hourOfDay(t)] * clearSky.hourKwh(t);
      }
    }
    return new ClearSkyIndex(observed, expected)
        .shrunkTowards(1.0, PRIOR_CLEAR_SKY_KWH_PER_KWP * capacityKwp);
  }

  private static int hourOfDay(Instant t) {
    return (int) Math.floorMod(t.getEpochSecond() / 3600, 24L);
  }

  /** Days since the epoch in local mean solar time (midnight = sun at its lowest). */
  private long solarDay(Instant t) {
    return Math.floorDiv(t.getEpochSecond() + solarOffsetSeconds(), 86_400L);
  }

  private Instant solarDayStart(Instant t) {
    return Instant.ofEpochSecond(solarDay(t) * 86_400L - solarOffsetSeconds());
  }

  private long solarOffsetSeconds() {
    return Math.round(clearSky.site().longitudeDeg() / 15.0 * 3600);
  }
}
