package io.voltstream.forecast.baselines;

import io.voltstream.forecast.features.PastView;
import java.time.Instant;
import java.util.List;

/**
 * Forecasts target hours from what is known at an origin. Implementations see only the {@link
 * PastView}, so they cannot read the values they forecast. A value may be {@code NaN} when the
 * history is too short.
 */
public interface Forecaster {
  /** Stable identifier, used as {@code model_id} and as the key in evaluation reports. */
  String id();

  double[] forecast(PastView past, List<Instant> targets);

  /** {@code delegate}'s forecasts under another id (e.g. a variant's label in a report). */
  static Forecaster named(String id, Forecaster delegate) {
    return new Forecaster() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public double[] forecast(PastView past, List<Instant> targets) {
        return delegate.forecast(past, targets);
      }
    };
  }
}
