package io.voltstream.forecast;

import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.features.PastView;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * A load whose routine a model knows (evening peak, 1.5× at weekends, 10 % noise), then for two
 * weeks a routine shifted by twelve hours that the model does not know, then the old routine again:
 * the behaviour shift the production guard must survive. {@link #MODEL} forecasts the old routine
 * exactly.
 */
public final class ShiftingRoutine {
  public static final int SHIFT_DAY = 28;
  public static final int RETURN_DAY = 42;
  public static final int DAYS = 60;

  /** Knows the routine (and nothing else): good before the shift and after the return. */
  public static final Forecaster MODEL =
      new Forecaster() {
        @Override
        public String id() {
          return "routine-model";
        }

        @Override
        public double[] forecast(PastView past, List<Instant> targets) {
          return targets.stream().mapToDouble(ShiftingRoutine::routine).toArray();
        }
      };

  private ShiftingRoutine() {}

  public static double routine(Instant hour) {
    var t = hour.atZone(ZoneOffset.UTC);
    double shape = 1.0 + 0.8 * Math.max(0, Math.sin((t.getHour() - 12) / 12.0 * Math.PI));
    boolean weekend =
        t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
    return weekend ? 1.5 * shape : shape;
  }

  /** {@link #DAYS} days of hourly values from {@code start} (a midnight). */
  public static HourlySeries history(Instant start) {
    var rnd = new Random(7);
    double[] v = new double[DAYS * 24];
    for (int i = 0; i < v.length; i++) {
      Instant hour = start.plus(Duration.ofHours(i));
      int day = i / 24;
      Instant seen = day >= SHIFT_DAY && day < RETURN_DAY ? hour.plus(Duration.ofHours(12)) : hour;
      v[i] = routine(seen) * (1 + 0.1 * rnd.nextGaussian());
    }
    return HourlySeries.of(start, v);
  }
}
