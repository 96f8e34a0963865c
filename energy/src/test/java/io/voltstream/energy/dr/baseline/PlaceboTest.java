package io.voltstream.energy.dr.baseline;

import static io.voltstream.energy.dr.baseline.BaselineTestData.UTC;
import static io.voltstream.energy.dr.baseline.BaselineTestData.at;
import static io.voltstream.energy.dr.baseline.BaselineTestData.hourly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The placebo on tiny hourly histories whose errors are worked out by hand. */
class PlaceboTest {
  private static final PlaceboWindow FIVE_PM = PlaceboWindow.parse("17:00-18:00");
  private static final LocalDate MONDAY = LocalDate.of(2026, 4, 13);

  /** Mon–Thu; 17:00 draws 4, 6, 8, 5 kW; every other hour 1 kW. */
  private static LoadHistory fourWeekdays() {
    Map<LocalDate, Double> at17 =
        Map.of(
            MONDAY, 4.0, MONDAY.plusDays(1), 6.0, MONDAY.plusDays(2), 8.0, MONDAY.plusDays(3), 5.0);
    return hourly(MONDAY, MONDAY.plusDays(3), UTC, (d, h) -> h == 17 ? at17.get(d) : 1.0);
  }

  @Test
  void shouldCompareEachDaysBaselineWithItsActualLoad() {
    PlaceboResult r =
        Placebo.run(fourWeekdays(), UTC, List.of(FIVE_PM), BaselineMethod.TEN_OF_TEN, false);
    // Tue: baseline Mon 4 vs 6 → −2; Wed: (4+6)/2 = 5 vs 8 → −3; Thu: (4+6+8)/3 = 6 vs 5 → +1.
    // bias = (−4/3) / (19/3) = −4/19; CV(RMSE) = √(14/3) / (19/3)
    assertThat(r.all().windows()).isEqualTo(3);
    assertThat(r.all().biasPercent()).isCloseTo(-400.0 / 19, within(1e-9));
    assertThat(r.all().cvRmsePercent())
        .isCloseTo(100 * Math.sqrt(14.0 / 3) / (19.0 / 3), within(1e-9));
    assertThat(r.byWindow()).containsOnlyKeys("17:00-18:00");
    assertThat(r.byWindow().get("17:00-18:00")).isEqualTo(r.all());
    // every baseline had fewer than 10 days
    assertThat(r.fallbacks()).containsExactly(Map.entry(Placebo.FEWER_DAYS, 3));
    assertThat(r.fullHistory().windows()).isZero();
    assertThat(r.skippedWindows()).isZero();
    assertThat(r.label()).isEqualTo("10of10");
  }

  @Test
  void shouldLeaveOutWindowsWithoutCompleteMeteredLoad() {
    SortedMap<java.time.Instant, Double> m = new TreeMap<>(fourWeekdays().meanKwByStart());
    m.remove(at(MONDAY.plusDays(3), 17));
    PlaceboResult r =
        Placebo.run(
            LoadHistory.of(Duration.ofHours(1), m),
            UTC,
            List.of(FIVE_PM),
            BaselineMethod.TEN_OF_TEN,
            false);
    // Tue −2 vs 6, Wed −3 vs 8: bias = (−5/2) / (14/2)
    assertThat(r.all().windows()).isEqualTo(2);
    assertThat(r.all().biasPercent()).isCloseTo(-500.0 / 14, within(1e-9));
    assertThat(r.skippedWindows()).isEqualTo(1);
  }

  @Test
  void shouldNeverLetTheBaselineSeeTheWindowItIsJudgedOn() {
    // the pre_event fallback on Monday (after a weekend) must use 16:00 (1 kW), not 17:00 (4 kW)
    LoadHistory h = hourly(MONDAY.minusDays(2), MONDAY, UTC, (d, hour) -> hour == 17 ? 4.0 : 1.0);
    List<PlaceboSample> samples = new java.util.ArrayList<>();
    Placebo.samples(h, UTC, List.of(FIVE_PM), BaselineMethod.TEN_OF_TEN, false, samples);
    // Sunday: weekend 4-in-4 from Saturday only (4 vs 4); Monday: pre_event 1 vs 4
    assertThat(samples).extracting(PlaceboSample::baselineKw).containsExactly(4.0, 1.0);
    assertThat(samples.get(1).baseline().method()).isEqualTo("pre_event");
    PlaceboResult r = Placebo.run(h, UTC, List.of(FIVE_PM), BaselineMethod.TEN_OF_TEN, false);
    assertThat(r.fallbacks())
        .containsEntry(Placebo.PRE_EVENT, 1)
        .containsEntry(Placebo.FEWER_DAYS, 1);
    // errors 0 and −3 over mean actual 4: bias −37.5 %
    assertThat(r.all().biasPercent()).isCloseTo(-37.5, within(1e-9));
  }

  @Test
  void shouldScoreTheWindowsWithAFullHistorySeparately() {
    // Mon–Fri 4, 6, 8, 5, 7 kW at 17:00, the weekend 100 kW, the next Monday 5 kW
    Map<LocalDate, Double> at17 =
        Map.of(
            MONDAY,
            4.0,
            MONDAY.plusDays(1),
            6.0,
            MONDAY.plusDays(2),
            8.0,
            MONDAY.plusDays(3),
            5.0,
            MONDAY.plusDays(4),
            7.0,
            MONDAY.plusDays(7),
            5.0);
    LoadHistory h =
        hourly(
            MONDAY,
            MONDAY.plusDays(7),
            UTC,
            (d, hour) -> hour == 17 ? at17.getOrDefault(d, 100.0) : 1.0);
    PlaceboResult r =
        Placebo.run(h, UTC, List.of(FIVE_PM), BaselineMethod.HIGH_FOUR_OF_FIVE, false);
    // only the next Monday has 5 eligible days: (8+7+6+5)/4 = 6.5 vs 5 → bias +30 %
    assertThat(r.fullHistory().windows()).isEqualTo(1);
    assertThat(r.fullHistory().biasPercent()).isCloseTo(30.0, within(1e-9));
    assertThat(r.all().windows()).isEqualTo(7);
  }

  @Test
  void shouldCountCappedAdjustments() {
    // Tuesday's morning load is 3× Monday's: the adjustment is capped at +20 %
    LoadHistory h =
        hourly(
            MONDAY,
            MONDAY.plusDays(1),
            UTC,
            (d, hour) -> hour == 17 ? 5.0 : (d.equals(MONDAY) ? 1.0 : 3.0));
    PlaceboResult r = Placebo.run(h, UTC, List.of(FIVE_PM), BaselineMethod.TEN_OF_TEN, true);
    // baseline 5 × 1.2 = 6 vs 5: bias +20 %
    assertThat(r.all().biasPercent()).isCloseTo(20.0, within(1e-9));
    assertThat(r.fallbacks()).containsEntry(Placebo.ADJUSTMENT_CAPPED, 1);
    assertThat(r.label()).isEqualTo("10of10+adj");
  }

  @Test
  void shouldReportNoWindowsAsNotANumberAndNotMeetingTheGoal() {
    PlaceboStats none = PlaceboStats.of(List.of());
    assertThat(none.windows()).isZero();
    assertThat(none.biasPercent()).isNaN();
    assertThat(none.biasWithin(5)).isFalse();
    assertThat(new PlaceboStats(3, -4.9, 10).biasWithin(5)).isTrue();
    assertThat(new PlaceboStats(3, 5.1, 10).biasWithin(5)).isFalse();
  }

  @Test
  void shouldParseWindows() {
    PlaceboWindow w = PlaceboWindow.parse("12:00-14:30");
    assertThat(w.start()).isEqualTo(LocalTime.NOON);
    assertThat(w.length()).isEqualTo(Duration.ofMinutes(150));
    assertThat(w.label()).isEqualTo("12:00-14:30");
    assertThatThrownBy(() -> PlaceboWindow.parse("19:00-17:00")).hasMessageContaining("end after");
    assertThatThrownBy(() -> PlaceboWindow.parse("17:00")).hasMessageContaining("17:00-19:00");
    assertThatThrownBy(() -> PlaceboWindow.parse("25:00-26:00"))
        .hasMessageContaining("window '25:00-26:00'");
  }
}
