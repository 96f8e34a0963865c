package io.voltstream.forecast.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.forecast.ForecastTestData;
import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.features.PastView;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BlendForecasterTest {
  private static final PastView PAST =
      new PastView(ForecastTestData.indexSeries(2), ForecastTestData.START.plusSeconds(86_400));
  private static final List<Instant> TARGETS =
      List.of(PAST.origin(), PAST.origin().plusSeconds(3600));

  private static Forecaster constant(String id, double... values) {
    return new Forecaster() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public double[] forecast(PastView past, List<Instant> targets) {
        return values.clone();
      }
    };
  }

  @Test
  void shouldWeighTheModelAgainstTheReference() {
    var blend = new BlendForecaster("b", constant("m", 10, Double.NaN), constant("r", 2, 4), 0.75);

    // 0.75·10 + 0.25·2 = 8; the model has no value for the second hour → the reference alone
    assertThat(blend.forecast(PAST, TARGETS)).containsExactly(8.0, 4.0);
  }

  @Test
  void shouldRejectAWeightOutsideZeroToOne() {
    assertThatThrownBy(() -> new BlendForecaster("b", constant("m"), constant("r"), 1.5))
        .hasMessageContaining("blend weight must be in [0, 1]");
  }

  @Test
  void shouldAskTheCachedForecasterOncePerOrigin() {
    var calls = new AtomicInteger();
    Forecaster counting =
        new Forecaster() {
          @Override
          public String id() {
            return "c";
          }

          @Override
          public double[] forecast(PastView past, List<Instant> targets) {
            calls.incrementAndGet();
            return new double[] {1, 2};
          }
        };
    var cached = new CachingForecaster(counting);

    cached.forecast(PAST, TARGETS)[0] = 99; // callers cannot corrupt the cache
    assertThat(cached.forecast(PAST, TARGETS)).containsExactly(1, 2);
    assertThat(calls).hasValue(1);
  }
}
