package io.voltstream.forecast.pv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.features.PastView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class ClearSkyPvForecasterTest {
  private static final PvSite FLAT = new PvSite(6, 0, 180, 50.8467, 4.3525);
  private static final PvSite EAST = new PvSite(6, 35, 90, 50.8367, 4.4180);
  private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
  private static final Instant ORIGIN = START.plus(Duration.ofDays(30));

  @Test
  void shouldScaleTheClearSkyGenerationByTheObservedIndex() {
    ClearSkyPv clearSky = new ClearSkyPv(FLAT);
    HourlySeries history = series(clearSky, t -> 0.6, 30 * 24);

    double[] forecast = new ClearSkyPvForecaster(FLAT).forecast(past(history), next24());

    List<Instant> hours = next24();
    for (int i = 0; i < hours.size(); i++) {
      assertThat(forecast[i]).isCloseTo(0.6 * clearSky.hourKwh(hours.get(i)), within(1e-9));
    }
    assertThat(forecast[12]).as("midday in May on 6 kWp").isGreaterThan(2.0);
    assertThat(forecast[0]).as("midnight").isZero();
  }

  @Test
  void shouldLearnAShapeTheClearSkyModelGetsWrongPerHourOfTheDay() {
    // the roof is shaded every afternoon (index 0.3 after 12:00 UTC, 0.9 before)
    ClearSkyPv clearSky = new ClearSkyPv(FLAT);
    HourlySeries history = series(clearSky, t -> hourOfDay(t) < 12 ? 0.9 : 0.3, 30 * 24);

    double[] forecast = new ClearSkyPvForecaster(FLAT).forecast(past(history), next24());

    double morningIndex = forecast[9] / clearSky.hourKwh(ORIGIN.plus(Duration.ofHours(9)));
    double afternoonIndex = forecast[15] / clearSky.hourKwh(ORIGIN.plus(Duration.ofHours(15)));
    assertThat(morningIndex).isGreaterThan(0.8);
    assertThat(afternoonIndex).isLessThan(0.45);
  }

  @Test
  void shouldLowerTheRestOfADayThatStartedCloudy() {
    ClearSkyPv clearSky = new ClearSkyPv(FLAT);
    Instant noon = ORIGIN.plus(Duration.ofHours(12));
    // 0.8 for 30 days, then a dull morning (0.3) up to noon
    HourlySeries history = series(clearSky, t -> t.isBefore(ORIGIN) ? 0.8 : 0.3, 30 * 24 + 12);
    List<Instant> hours = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      hours.add(noon.plus(Duration.ofHours(h)));
    }

    double[] forecast = new ClearSkyPvForecaster(FLAT).forecast(new PastView(history, noon), hours);

    double thisAfternoon = forecast[2] / clearSky.hourKwh(hours.get(2));
    double tomorrowMorning = forecast[22] / clearSky.hourKwh(hours.get(22));
    assertThat(thisAfternoon).isLessThan(0.55).isGreaterThan(0.3);
    assertThat(tomorrowMorning).isCloseTo(0.8, within(0.05));
  }

  @Test
  void shouldProduceMostInTheMorningOnAnEastRoof() {
    ClearSkyPv east = new ClearSkyPv(EAST);
    Instant day = Instant.parse("2026-06-21T00:00:00Z");

    assertThat(east.hourKwh(day.plus(Duration.ofHours(7))))
        .isGreaterThan(2 * east.hourKwh(day.plus(Duration.ofHours(15))));
  }

  @Test
  void shouldRefuseWithoutEnoughGenerationHistory() {
    ClearSkyPv clearSky = new ClearSkyPv(FLAT);
    // six night hours only
    HourlySeries history = HourlySeries.of(ORIGIN.minus(Duration.ofHours(6)), new double[6]);

    double[] forecast = new ClearSkyPvForecaster(FLAT).forecast(past(history), next24());

    assertThat(Arrays.stream(forecast).boxed()).allMatch(v -> v.isNaN());
    assertThat(clearSky.hourKwh(ORIGIN)).isZero();
  }

  @Test
  void shouldNeverExceedTheCapacity() {
    HourlySeries history = series(new ClearSkyPv(FLAT), t -> 3.0, 30 * 24);

    double[] forecast = new ClearSkyPvForecaster(FLAT).forecast(past(history), next24());

    assertThat(Arrays.stream(forecast).max().orElseThrow()).isEqualTo(FLAT.capacityKwp());
  }

  private static HourlySeries series(
      ClearSkyPv clearSky, ToDoubleFunction<Instant> index, int hours) {
    double[] values = new double[hours];
    for (int h = 0; h < hours; h++) {
      Instant t = START.plus(Duration.ofHours(h));
      values[h] = index.applyAsDouble(t) * clearSky.hourKwh(t);
    }
    return HourlySeries.of(START, values);
  }

  private static PastView past(HourlySeries history) {
    return new PastView(history, ORIGIN);
  }

  private static List<Instant> next24() {
    List<Instant> out = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      out.add(ORIGIN.plus(Duration.ofHours(h)));
    }
    return out;
  }

  private static int hourOfDay(Instant t) {
    return (int) ((t.getEpochSecond() / 3600) % 24);
  }
}
