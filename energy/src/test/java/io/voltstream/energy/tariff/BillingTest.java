package io.voltstream.energy.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillingTest {
  private static final Instant MIDNIGHT = Instant.parse("2026-04-13T00:00:00Z");
  private final List<Double> cheapNightDearDay = hourly(0.20, 0.40);
  private final Tariff tariff =
      new Tariff(
          "t",
          ZoneOffset.UTC,
          cheapNightDearDay,
          cheapNightDearDay,
          0.05,
          10.0,
          Collections.nCopies(24, 200.0));

  private static List<Double> hourly(double night, double day) {
    Double[] p = new Double[24];
    for (int h = 0; h < 24; h++) {
      p[h] = h < 12 ? night : day;
    }
    return List.of(p);
  }

  @Test
  void importIsPricedByHourAndExportAtTheFeedInPrice() {
    // 1 kW for an hour at night, 2 kW export for an hour at noon, on a 15-minute grid.
    double[] grid = new double[48 * 2];
    for (int i = 0; i < 4; i++) {
      grid[i] = 1000;
      grid[48 + i] = -2000;
    }
    Bill bill = Billing.bill(tariff, MIDNIGHT, Duration.ofMinutes(15), grid);
    assertThat(bill.importKwh()).isCloseTo(1.0, within(1e-12));
    assertThat(bill.exportKwh()).isCloseTo(2.0, within(1e-12));
    assertThat(bill.energyCostEur()).isCloseTo(0.20 - 0.10, within(1e-12));
    assertThat(bill.co2Kg()).isCloseTo(0.2, within(1e-12));
    assertThat(bill.peakImportKw()).isCloseTo(1.0, within(1e-12));
    assertThat(bill.demandChargeEur()).isCloseTo(10.0, within(1e-12));
    assertThat(bill.totalEur()).isCloseTo(10.10, within(1e-12));
  }

  @Test
  void thePeakIsThe15MinuteAverageOfImportOnly() {
    // One minute at 15 kW, the rest of the quarter hour exporting: the peak is 1 kW, not 15 kW nor
    // less.
    double[] grid = new double[30];
    grid[0] = 15000;
    for (int i = 1; i < 15; i++) {
      grid[i] = -3000;
    }
    for (int i = 15; i < 30; i++) {
      grid[i] = 600;
    }
    Bill bill = Billing.bill(tariff, MIDNIGHT, Duration.ofMinutes(1), grid);
    assertThat(bill.peakImportKw()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void demandIntervalsAreAlignedToTheQuarterHour() {
    // 2 kW from 00:10 to 00:25 straddles two intervals: each averages 1/3 and 2/3 of 2 kW.
    double[] grid = new double[30];
    for (int i = 10; i < 25; i++) {
      grid[i] = 2000;
    }
    assertThat(Billing.bill(tariff, MIDNIGHT, Duration.ofMinutes(1), grid).peakImportKw())
        .isCloseTo(2.0 * 10 / 15, within(1e-12));
  }
}
