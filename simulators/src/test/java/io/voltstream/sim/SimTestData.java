package io.voltstream.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** Named instants and dates shared by the simulator tests. */
public final class SimTestData {
  public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

  /** A Wednesday in June. */
  public static final LocalDate SUMMER_WEDNESDAY = LocalDate.of(2026, 6, 17);

  /** The Saturday of the same week. */
  public static final LocalDate SUMMER_SATURDAY = LocalDate.of(2026, 6, 20);

  /** Summer solstice (a Sunday). */
  public static final LocalDate SOLSTICE = LocalDate.of(2026, 6, 21);

  /** A Wednesday in January. */
  public static final LocalDate WINTER_WEDNESDAY = LocalDate.of(2026, 1, 14);

  public static final long SEED = 42L;

  private SimTestData() {}

  /**
   * The repository's copy of the UCI data file (data/uci-appliances), found by walking up from the
   * module directory; null if absent.
   */
  public static Path uciCsv() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("data/uci-appliances/energydata_2016-02-14_2016-04-30.csv");
      if (Files.isReadable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** {@code date} at local Brussels time {@code hh:mm}. */
  public static Instant brussels(LocalDate date, int hour, int minute) {
    return date.atTime(LocalTime.of(hour, minute)).atZone(BRUSSELS).toInstant();
  }
}
