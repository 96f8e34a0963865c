package io.voltstream.energy.finance;

import static io.voltstream.energy.finance.FinanceTestData.EPS;
import static io.voltstream.energy.finance.FinanceTestData.NOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.tariff.Tariffs;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GridPricesTest {

  @Test
  void shouldTakeTheDefaultTariffsValuesAtTheSlotStart() {
    assertThat(NOON).isEqualTo(new GridPrices(0.31, 0.04, 110.0));
    // 18:00 in Brussels on a Saturday: weekend evening rate, evening carbon.
    assertThat(GridPrices.of(Tariffs.defaultTariff(), Instant.parse("2026-01-17T17:00:00Z")))
        .isEqualTo(new GridPrices(0.34, 0.04, 190.0));
  }

  @Test
  void shouldPriceNetConsumptionAtImportAndNetExportAtFeedIn() {
    assertThat(NOON.costEur(2.0)).isCloseTo(0.62, within(EPS));
    assertThat(NOON.costEur(-2.0)).isCloseTo(-0.08, within(EPS));
    assertThat(NOON.costEur(0.0)).isZero();
  }

  @Test
  void shouldGiveCo2InKilograms() {
    assertThat(NOON.co2Kg(2.0)).isCloseTo(0.22, within(EPS));
  }
}
