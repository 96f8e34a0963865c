package io.voltstream.energy.dr.baseline;

import static io.voltstream.energy.dr.baseline.BaselineMethod.HIGH_FOUR_OF_FIVE;
import static io.voltstream.energy.dr.baseline.BaselineMethod.TEN_OF_TEN;
import static io.voltstream.energy.dr.baseline.BaselineTestData.EVENT_DAY;
import static io.voltstream.energy.dr.baseline.BaselineTestData.SATURDAY;
import static io.voltstream.energy.dr.baseline.BaselineTestData.UTC;
import static io.voltstream.energy.dr.baseline.BaselineTestData.at;
import static io.voltstream.energy.dr.baseline.BaselineTestData.hourly;
import static io.voltstream.energy.dr.baseline.BaselineTestData.weekdayHistory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Baselines against hand-computed values; the histories are described in BaselineTestData. */
class BaselinesTest {
  private static final Instant START = at(EVENT_DAY, 17);
  private static final Instant END = at(EVENT_DAY, 19);
  private static final double EPS = 1e-9;

  private static Baseline compute(
      LoadHistory h, Set<LocalDate> eventDays, BaselineMethod method, boolean adjust) {
    return Baselines.compute(h, START, END, UTC, eventDays, method, adjust).orElseThrow();
  }

  @Test
  void shouldAverageTheLastTenWeekdaysForTenOfTen() {
    Baseline b = compute(weekdayHistory(2.0), Set.of(), TEN_OF_TEN, false);
    // 17:00: (1+…+10)/10 = 5.5; 18:00: (2+…+11)/10 = 6.5; the 100 kW days 03-30/31 and the
    // 50 kW weekends are not among them
    assertThat(b.perIntervalKw()).containsExactly(5.5, 6.5);
    assertThat(b.meanKw()).isCloseTo(6.0, within(EPS));
    assertThat(b.method()).isEqualTo("10of10");
    assertThat(b.daysUsed()).isEqualTo(10);
    assertThat(b.note()).contains("last 10 eligible weekdays").contains("2026-04-01 to 2026-04-14");
  }

  @Test
  void shouldSkipPastDrEventDays() {
    Set<LocalDate> drDays = Set.of(LocalDate.of(2026, 4, 14), LocalDate.of(2026, 4, 10));
    Baseline b = compute(weekdayHistory(2.0), drDays, TEN_OF_TEN, false);
    // without 04-14 (10) and 04-10 (8) the ten are 04-13 … 04-01 plus 03-31 and 03-30:
    // 17:00 = (9+7+6+5+4+3+2+1+100+100)/10 = 23.7; 18:00 = 23.7 + (8×1 + 2×0)/10 = 24.5
    assertThat(b.perIntervalKw().get(0)).isCloseTo(23.7, within(EPS));
    assertThat(b.perIntervalKw().get(1)).isCloseTo(24.5, within(EPS));
    assertThat(b.daysUsed()).isEqualTo(10);
    assertThat(b.note()).contains("skipped 2 DR event day(s)");
  }

  @Test
  void shouldSkipDaysWithAMissingIntervalInTheWindow() {
    LoadHistory full = weekdayHistory(2.0);
    SortedMap<Instant, Double> gappy = new TreeMap<>(full.meanKwByStart());
    gappy.remove(at(LocalDate.of(2026, 4, 14), 18));
    LoadHistory h = LoadHistory.of(full.interval(), gappy);
    Baseline b = compute(h, Set.of(), TEN_OF_TEN, false);
    // 04-14 drops out, 03-31 (100) comes in: 17:00 = (1+…+9+100)/10 = 14.5; 18:00 = (2+…+10+100)/10
    // = 15.4
    assertThat(b.perIntervalKw().get(0)).isCloseTo(14.5, within(EPS));
    assertThat(b.perIntervalKw().get(1)).isCloseTo(15.4, within(EPS));
    assertThat(b.note()).contains("skipped 1 day(s) with incomplete data");
  }

  @Test
  void shouldAverageTheFourHighestOfTheLastFiveForHighFourOfFive() {
    Map<LocalDate, Double> at17 =
        Map.of(
            LocalDate.of(2026, 4, 14), 4.0,
            LocalDate.of(2026, 4, 13), 2.0,
            LocalDate.of(2026, 4, 10), 6.0,
            LocalDate.of(2026, 4, 9), 8.0,
            LocalDate.of(2026, 4, 8), 5.0,
            LocalDate.of(2026, 4, 7), 99.0); // sixth: outside the last five
    LoadHistory h =
        hourly(
            LocalDate.of(2026, 4, 7),
            LocalDate.of(2026, 4, 14),
            UTC,
            (day, hour) ->
                hour == 17 || hour == 18
                    ? at17.getOrDefault(day, 0.0) + (hour == 18 ? 1 : 0)
                    : 1.0);
    Baseline b = compute(h, Set.of(), HIGH_FOUR_OF_FIVE, false);
    // last five: 4, 2, 6, 8, 5 → drop 2 (04-13): 17:00 = (4+6+8+5)/4 = 5.75; 18:00 = 6.75
    assertThat(b.perIntervalKw()).containsExactly(5.75, 6.75);
    assertThat(b.meanKw()).isCloseTo(6.25, within(EPS));
    assertThat(b.method()).isEqualTo("high4of5");
    assertThat(b.daysUsed()).isEqualTo(4);
  }

  @Test
  void shouldUseFourInFourOnWeekendsAndSaySo() {
    Map<LocalDate, Double> at17 =
        Map.of(
            LocalDate.of(2026, 4, 12), 40.0,
            LocalDate.of(2026, 4, 11), 30.0,
            LocalDate.of(2026, 4, 5), 20.0,
            LocalDate.of(2026, 4, 4), 10.0);
    LoadHistory h =
        hourly(
            LocalDate.of(2026, 3, 28),
            LocalDate.of(2026, 4, 17),
            UTC,
            (day, hour) -> hour == 17 ? at17.getOrDefault(day, 1000.0) : 1.0);
    Baseline b =
        Baselines.compute(h, at(SATURDAY, 17), at(SATURDAY, 18), UTC, Set.of(), TEN_OF_TEN, false)
            .orElseThrow();
    // (40+30+20+10)/4; the weekdays (1000) and the older weekend 03-28/29 (1000) are not used
    assertThat(b.perIntervalKw()).containsExactly(25.0);
    assertThat(b.daysUsed()).isEqualTo(4);
    assertThat(b.note()).contains("4-in-4");
  }

  @Test
  void shouldUseTheDaysAvailableWhenFewerThanTenAreEligible() {
    LoadHistory all = weekdayHistory(2.0);
    LoadHistory h =
        LoadHistory.of(
            all.interval(), all.meanKwByStart().tailMap(at(LocalDate.of(2026, 4, 9), 0)));
    Baseline b = compute(h, Set.of(), TEN_OF_TEN, false);
    // 04-09, 04-10, 04-13, 04-14: (7+8+9+10)/4 = 8.5 and 9.5
    assertThat(b.perIntervalKw()).containsExactly(8.5, 9.5);
    assertThat(b.daysUsed()).isEqualTo(4);
    assertThat(b.method()).isEqualTo("10of10");
    assertThat(b.note()).contains("only 4 of 10 eligible days");
  }

  @Test
  void shouldAdjustToTheSameDayLoadBeforeTheEvent() {
    // event day 13:00–16:00 = 2.2 kW vs 2.0 kW on the baseline days → ×1.1
    Baseline b = compute(weekdayHistory(2.2), Set.of(), TEN_OF_TEN, true);
    assertThat(b.perIntervalKw().get(0)).isCloseTo(5.5 * 1.1, within(EPS));
    assertThat(b.perIntervalKw().get(1)).isCloseTo(6.5 * 1.1, within(EPS));
    assertThat(b.meanKw()).isCloseTo(6.6, within(EPS));
    assertThat(b.note()).contains("same-day adjustment ×1.100").contains("13:00–16:00");
  }

  @Test
  void shouldIgnoreTheHourJustBeforeTheEventInTheAdjustment() {
    LoadHistory base = weekdayHistory(2.2);
    SortedMap<Instant, Double> m = new TreeMap<>(base.meanKwByStart());
    m.put(at(EVENT_DAY, 16), 500.0); // pre-cooling in the hour before: not in the window
    Baseline b = compute(LoadHistory.of(base.interval(), m), Set.of(), TEN_OF_TEN, true);
    assertThat(b.perIntervalKw().get(0)).isCloseTo(5.5 * 1.1, within(EPS));
  }

  @Test
  void shouldCapTheAdjustmentAtPlusAndMinusTwentyPercent() {
    // 3.0 / 2.0 = ×1.5 → ×1.2; 1.0 / 2.0 = ×0.5 → ×0.8
    Baseline up = compute(weekdayHistory(3.0), Set.of(), TEN_OF_TEN, true);
    assertThat(up.perIntervalKw().get(0)).isCloseTo(6.6, within(EPS));
    assertThat(up.perIntervalKw().get(1)).isCloseTo(7.8, within(EPS));
    assertThat(up.note()).contains("capped at +20 %").contains("uncapped ×1.500");
    Baseline down = compute(weekdayHistory(1.0), Set.of(), HIGH_FOUR_OF_FIVE, true);
    // high4of5 unadjusted: last five 10, 9, 8, 7, 6 → (10+9+8+7)/4 = 8.5, then ×0.8 = 6.8
    assertThat(down.perIntervalKw().get(0)).isCloseTo(6.8, within(EPS));
    assertThat(down.note()).contains("capped at −20 %");
  }

  @Test
  void shouldSkipTheAdjustmentWhenTheEventDayHasNoLoadBeforeIt() {
    LoadHistory base = weekdayHistory(2.2);
    SortedMap<Instant, Double> m = new TreeMap<>(base.meanKwByStart());
    m.remove(at(EVENT_DAY, 14));
    Baseline b = compute(LoadHistory.of(base.interval(), m), Set.of(), TEN_OF_TEN, true);
    assertThat(b.perIntervalKw()).containsExactly(5.5, 6.5);
    assertThat(b.note()).contains("same-day adjustment not applied");
  }

  @Test
  void shouldFallBackToThePreEventHourWithoutEligibleDays() {
    // only the event day itself, quarter-hourly, and only 16:30 and 16:45 metered
    SortedMap<Instant, Double> m = new TreeMap<>();
    m.put(at(EVENT_DAY, 16).plus(Duration.ofMinutes(30)), 2.0);
    m.put(at(EVENT_DAY, 16).plus(Duration.ofMinutes(45)), 4.0);
    LoadHistory h = LoadHistory.of(Duration.ofMinutes(15), m);
    Baseline b = compute(h, Set.of(), TEN_OF_TEN, true);
    // (2 + 4) / 2 = 3 kW for each of the 8 quarter hours of 17:00–19:00
    assertThat(b.method()).isEqualTo("pre_event");
    assertThat(b.meanKw()).isEqualTo(3.0);
    assertThat(b.perIntervalKw()).hasSize(8).containsOnly(3.0);
    assertThat(b.daysUsed()).isZero();
    assertThat(b.note())
        .contains("pre_event")
        .contains("2 intervals metered")
        .doesNotContain("skipped");
  }

  @Test
  void shouldReturnNothingWithoutAnyUsableLoad() {
    assertThat(
            Baselines.compute(
                LoadHistory.of(Duration.ofMinutes(15), new TreeMap<>()),
                START,
                END,
                UTC,
                Set.of(),
                TEN_OF_TEN,
                false))
        .isEmpty();
    // a weekend's load only, and nothing metered just before a weekday event
    LoadHistory weekendOnly =
        hourly(LocalDate.of(2026, 4, 11), LocalDate.of(2026, 4, 12), UTC, (d, h) -> 5.0);
    assertThat(Baselines.compute(weekendOnly, START, END, UTC, Set.of(), HIGH_FOUR_OF_FIVE, false))
        .isEmpty();
  }

  @Test
  void shouldMatchLocalClockTimeAcrossADaylightSavingChange() {
    ZoneId brussels = ZoneId.of("Europe/Brussels");
    // 10 kW at local 17:00 every day, 0 otherwise; 2026-03-29 is the spring-forward Sunday
    LoadHistory h =
        hourly(
            LocalDate.of(2026, 3, 16),
            LocalDate.of(2026, 3, 31),
            brussels,
            (day, hour) -> hour == 17 ? 10.0 : 0.0);
    Instant start = LocalDate.of(2026, 4, 1).atTime(17, 0).atZone(brussels).toInstant();
    Baseline b =
        Baselines.compute(
                h, start, start.plus(Duration.ofHours(1)), brussels, Set.of(), TEN_OF_TEN, false)
            .orElseThrow();
    assertThat(b.perIntervalKw()).containsExactly(10.0);
    assertThat(b.daysUsed()).isEqualTo(10);
  }

  @Test
  void shouldSplitAnUnalignedEventIntoIntervalsFromItsStart() {
    // 17:30–19:00 on an hourly history: [17:30, 18:30) then [18:30, 19:00)
    Baseline b =
        Baselines.compute(
                weekdayHistory(2.0),
                START.plus(Duration.ofMinutes(30)),
                END,
                UTC,
                Set.of(),
                TEN_OF_TEN,
                false)
            .orElseThrow();
    // [17:30,18:30) per day = half of k and half of k+1 → mean over days 6.0; [18:30,19:00) lies in
    // the 18:00 interval → 6.5; window mean = (1 h × 6.0 + 0.5 h × 6.5) / 1.5 h
    assertThat(b.perIntervalKw()).containsExactly(6.0, 6.5);
    assertThat(b.meanKw()).isCloseTo((6.0 + 0.5 * 6.5) / 1.5, within(EPS));
  }

  @Test
  void shouldRejectAnEmptyWindow() {
    assertThatThrownBy(
            () ->
                Baselines.compute(
                    weekdayHistory(2.0), END, START, UTC, Set.of(), TEN_OF_TEN, false))
        .hasMessageContaining("after its start");
  }
}
