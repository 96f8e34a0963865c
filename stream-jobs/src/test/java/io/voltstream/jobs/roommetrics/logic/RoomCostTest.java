package io.voltstream.jobs.roommetrics.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.tariff.Tariffs;
import io.voltstream.model.RoomMetrics;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Default tariff at 12:00 Brussels on a Wednesday: import 0.31, feed-in 0.04 €/kWh. */
class RoomCostTest {
  private static final Instant NOON = Instant.parse("2026-01-14T11:00:00Z");

  private static RoomMetrics window(Double energyKwh, Double generationKwh) {
    return new RoomMetrics(
        "kitchen",
        "home",
        NOON,
        NOON.plusSeconds(60),
        energyKwh,
        null,
        null,
        null,
        null,
        null,
        generationKwh,
        3);
  }

  @Test
  void shouldPriceANetConsumptionAtTheImportPrice() {
    // 0.05 kWh consumed under 0.02 kWh of PV: 0.03 kWh × 0.31.
    assertThat(RoomCost.price(window(0.05, 0.02), Tariffs.defaultTariff()).costEur())
        .isCloseTo(0.0093, within(1e-12));
  }

  @Test
  void shouldPriceANetExportAtTheFeedInPriceNotTheGrossConsumption() {
    // 0.01 kWh consumed under 0.05 kWh of PV: −0.04 kWh × 0.04 = revenue 0.0016.
    assertThat(RoomCost.price(window(0.01, 0.05), Tariffs.defaultTariff()).costEur())
        .isCloseTo(-0.0016, within(1e-12));
    assertThat(RoomCost.price(window(null, 0.05), Tariffs.defaultTariff()).costEur())
        .isCloseTo(-0.002, within(1e-12));
  }

  @Test
  void shouldLeaveAWindowWithoutEnergyUnpriced() {
    assertThat(RoomCost.price(window(null, null), Tariffs.defaultTariff()).costEur()).isNull();
  }
}
