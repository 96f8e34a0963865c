package io.voltstream.energy.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.EnergyValidationException;
import io.voltstream.energy.market.MarketMode;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.market.OrderSide;
import io.voltstream.energy.tariff.Tariffs;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgentPriceRampTest {
  private static final MarketSpec MARKET = MarketSpec.defaults(); // gate 5 min
  private static final PriceRamp RAMP = new PriceRamp(AgentSettings.defaults()); // 1 min, 2 slots

  /** Slot 10:15Z: gate 10:10, trading from 09:40 until the last update at 10:09. */
  private static final Instant SLOT = Instant.parse("2026-04-15T10:15:00Z");

  private static final SlotPrices PRICES = new SlotPrices(0.31, 0.04);

  private static Instant at(String hhmmss) {
    return Instant.parse("2026-04-15T" + hhmmss + "Z");
  }

  @Test
  void shouldOpenHorizonSlotsBeforeTheGateAndStopOneIntervalBeforeIt() {
    assertThat(RAMP.opensAt(MARKET, SLOT)).isEqualTo(at("09:40:00"));
    assertThat(RAMP.lastUpdateAt(MARKET, SLOT)).isEqualTo(at("10:09:00"));
    assertThat(RAMP.isTrading(at("09:39:59"), MARKET, SLOT)).isFalse();
    assertThat(RAMP.isTrading(at("09:40:00"), MARKET, SLOT)).isTrue();
    assertThat(RAMP.isTrading(at("10:09:00"), MARKET, SLOT)).isTrue();
    assertThat(RAMP.isTrading(at("10:09:01"), MARKET, SLOT)).isFalse();
    assertThat(RAMP.isTrading(at("10:10:00"), MARKET, SLOT)).isFalse();
  }

  @Test
  void shouldRampBidsUpFromFeedInAndOffersDownFromImportLinearly() {
    assertThat(RAMP.progress(at("09:40:00"), MARKET, SLOT)).isZero();
    // 29 minutes from 09:40 to 10:09: half way at 09:54:30.
    assertThat(RAMP.progress(at("09:54:30"), MARKET, SLOT)).isCloseTo(0.5, within(1e-12));
    assertThat(RAMP.progress(at("10:09:00"), MARKET, SLOT)).isEqualTo(1.0);

    assertThat(PriceRamp.priceEurPerKwh(OrderSide.BUY, PRICES, 0)).isEqualTo(0.04);
    assertThat(PriceRamp.priceEurPerKwh(OrderSide.SELL, PRICES, 0)).isEqualTo(0.31);
    assertThat(PriceRamp.priceEurPerKwh(OrderSide.BUY, PRICES, 0.5)).isEqualTo(0.175);
    assertThat(PriceRamp.priceEurPerKwh(OrderSide.SELL, PRICES, 0.5)).isEqualTo(0.175);
    assertThat(PriceRamp.priceEurPerKwh(OrderSide.BUY, PRICES, 1)).isEqualTo(0.31);
    assertThat(PriceRamp.priceEurPerKwh(OrderSide.SELL, PRICES, 1)).isEqualTo(0.04);
    // 1/3 of the way: 0.04 + 0.09 = 0.13, quoted to 0.0001.
    assertThat(PriceRamp.priceEurPerKwh(OrderSide.BUY, PRICES, 1.0 / 3)).isEqualTo(0.13);
    assertThat(PriceRamp.priceEurPerKwh(OrderSide.BUY, PRICES, 0.123456)).isEqualTo(0.0733);
  }

  @Test
  void shouldMoveEveryUpdateMonotonicallyAndCrossAtTheLastOne() {
    double previousBid = Double.NEGATIVE_INFINITY;
    double previousOffer = Double.POSITIVE_INFINITY;
    int updates = 0;
    for (Instant t = at("09:40:00"); RAMP.isTrading(t, MARKET, SLOT); t = t.plusSeconds(60)) {
      double p = RAMP.progress(t, MARKET, SLOT);
      double bid = PriceRamp.priceEurPerKwh(OrderSide.BUY, PRICES, p);
      double offer = PriceRamp.priceEurPerKwh(OrderSide.SELL, PRICES, p);
      assertThat(bid).isGreaterThan(previousBid);
      assertThat(offer).isLessThan(previousOffer);
      previousBid = bid;
      previousOffer = offer;
      updates++;
    }
    assertThat(updates).isEqualTo(30); // 09:40 … 10:09
    assertThat(previousBid).isEqualTo(0.31);
    assertThat(previousOffer).isEqualTo(0.04);
    assertThat(previousBid).isGreaterThanOrEqualTo(previousOffer);
  }

  @Test
  void shouldReachTheFinalPriceAtTheLastUpdateEvenWhenTheGateIsNotOnTheUpdateGrid() {
    // Gate 90 s: closes 10:13:30, last update allowed 10:12:30; updates on whole minutes.
    MarketSpec odd = new MarketSpec("odd", null, MarketMode.PAY_AS_BID, 90);
    assertThat(RAMP.isTrading(at("10:12:00"), odd, SLOT)).isTrue();
    assertThat(RAMP.isTrading(at("10:13:00"), odd, SLOT)).isFalse();
    assertThat(RAMP.progress(at("10:11:00"), odd, SLOT)).isLessThan(1.0);
    assertThat(RAMP.progress(at("10:12:00"), odd, SLOT)).isEqualTo(1.0);
  }

  @Test
  void shouldCrossEvenWhenATariffPaysMoreForFeedInThanImport() {
    SlotPrices inverted = new SlotPrices(0.05, 0.12);
    assertThat(PriceRamp.priceEurPerKwh(OrderSide.BUY, inverted, 0)).isEqualTo(0.05);
    assertThat(PriceRamp.priceEurPerKwh(OrderSide.BUY, inverted, 1)).isEqualTo(0.12);
    assertThat(PriceRamp.priceEurPerKwh(OrderSide.SELL, inverted, 1)).isEqualTo(0.05);
  }

  @Test
  void shouldTakeTheImportPriceOfTheSlotsHourFromTheTariff() {
    // Default tariff, Europe/Brussels (UTC+2 in April): 15:15Z = 17:15 local, weekday evening.
    SlotPrices evening =
        SlotPrices.of(Tariffs.defaultTariff(), Instant.parse("2026-04-15T15:15:00Z"));
    assertThat(evening.importEurPerKwh()).isEqualTo(0.42);
    assertThat(evening.feedInEurPerKwh()).isEqualTo(0.04);
    SlotPrices night =
        SlotPrices.of(Tariffs.defaultTariff(), Instant.parse("2026-04-15T01:00:00Z"));
    assertThat(night.importEurPerKwh()).isEqualTo(0.22);
  }

  @Test
  void shouldRejectSettingsThatCannotRampNamingTheField() {
    assertThatThrownBy(() -> new AgentSettings(Duration.ofMinutes(15), 2, 0.01, 90))
        .isInstanceOf(EnergyValidationException.class)
        .hasMessageContaining("update_interval");
    assertThatThrownBy(() -> new AgentSettings(Duration.ofMillis(1500), 2, 0.01, 90))
        .hasMessageContaining("update_interval");
    assertThatThrownBy(() -> new AgentSettings(Duration.ofMinutes(1), 0, 0.01, 90))
        .hasMessageContaining("horizon_slots");
    assertThatThrownBy(() -> new AgentSettings(Duration.ofMinutes(1), 2, -1, 90))
        .hasMessageContaining("min_order_kwh");
    assertThatThrownBy(() -> new AgentSettings(Duration.ofMinutes(1), 2, 0.01, 101))
        .hasMessageContaining("sell_stored_above_soc_percent");
  }
}
