package io.voltstream.energy.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.market.OrderSide;
import io.voltstream.energy.tariff.Tariffs;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Default market (gate 5 min), default agent settings, default tariff (weekday day: 0.31). */
class TradingAgentTest {
  private static final MarketSpec MARKET = MarketSpec.defaults();
  private static final AgentSettings SETTINGS = AgentSettings.defaults();
  private static final Instant S1000 = Instant.parse("2026-04-15T08:00:00Z"); // 10:00 local
  private static final Instant S1015 = S1000.plusSeconds(900);
  private static final Instant S1030 = S1015.plusSeconds(900);

  private static List<SlotPlan> plan(Instant at, Optional<BatteryEnergy> battery, double... net) {
    List<Instant> slots = TradingAgent.slots(at, MARKET, SETTINGS);
    assertThat(slots).hasSize(net.length);
    List<SlotOutlook> outlooks =
        java.util.stream.IntStream.range(0, net.length)
            .mapToObj(i -> new SlotOutlook(slots.get(i), net[i], "forecast", 0))
            .toList();
    return TradingAgent.plan(at, MARKET, Tariffs.defaultTariff(), SETTINGS, outlooks, battery);
  }

  @Test
  void shouldLookAtTheSlotsWhoseTradingWindowHasOpened() {
    // 07:40Z: slot 08:00Z (gate 07:55) opened 07:25, slot 08:15Z opens now, 08:30Z not yet.
    assertThat(TradingAgent.slots(S1000.minusSeconds(20 * 60), MARKET, SETTINGS))
        .containsExactly(S1000, S1015);
    // 07:54:30Z: 08:00Z is past its last update (07:54) but its gate is open: kept, not traded.
    Instant late = S1000.minusSeconds(330);
    assertThat(TradingAgent.slots(late, MARKET, SETTINGS)).containsExactly(S1000, S1015);
    List<SlotPlan> plans = plan(late, Optional.empty(), 1.0, 1.0);
    assertThat(plans.get(0).trading()).isFalse();
    assertThat(plans.get(0).order()).isEmpty();
    assertThat(plans.get(1).trading()).isTrue();
    // 07:55Z: 08:00Z's gate closed; 08:30Z opened.
    assertThat(TradingAgent.slots(S1000.minusSeconds(300), MARKET, SETTINGS))
        .containsExactly(S1015, S1030);
  }

  @Test
  void shouldBidForADeficitAndOfferASurplusOnTheirRamps() {
    Instant at = S1015.minusSeconds(35 * 60); // 07:40Z: slot 08:15Z just opened (progress 0)
    List<SlotPlan> plans = plan(at, Optional.empty(), 0.8, -0.6);
    AgentOrder bid = plans.get(0).order().orElseThrow();
    assertThat(bid.side()).isEqualTo(OrderSide.BUY);
    assertThat(bid.energyKwh()).isEqualTo(0.8);
    assertThat(bid.slot()).isEqualTo(S1000);
    // Slot 08:00Z opened at 07:25: 15 of 29 minutes → 0.04 + 0.27 × 15/29 = 0.1797.
    assertThat(bid.priceEurPerKwh()).isEqualTo(0.1797);
    assertThat(bid.note()).startsWith("bid 0.800 kWh: net load 0.800 kWh (forecast)");
    assertThat(bid.note()).contains("price 0.1797 EUR/kWh at 52 % of the ramp");

    AgentOrder offer = plans.get(1).order().orElseThrow();
    assertThat(offer.side()).isEqualTo(OrderSide.SELL);
    assertThat(offer.energyKwh()).isEqualTo(0.6);
    assertThat(offer.priceEurPerKwh()).isEqualTo(0.31); // starts at the import price
  }

  @Test
  void shouldCarryTheBatteryFromOneSlotToTheNext() {
    // SoC 20 %: 1 kWh above the reserve → 0.9 kWh AC covers the first slot only partly.
    Optional<BatteryEnergy> battery = AgentSlotBalanceTest.at(20);
    List<SlotPlan> plans = plan(S1015.minusSeconds(35 * 60), battery, 2.0, 2.0);
    assertThat(plans.get(0).order().orElseThrow().energyKwh()).isEqualTo(1.1);
    assertThat(plans.get(0).order().orElseThrow().note()).contains("battery covers 0.900 kWh");
    assertThat(plans.get(1).order().orElseThrow().energyKwh()).isEqualTo(2.0);
  }

  @Test
  void shouldOrderOnlyWhatIsNotTradedYetAndNothingBelowTheMinimum() {
    Instant at = S1015.minusSeconds(35 * 60);
    List<Instant> slots = TradingAgent.slots(at, MARKET, SETTINGS);
    List<SlotOutlook> outlooks =
        List.of(
            new SlotOutlook(slots.get(0), 0.8, "forecast", 0.5), // 0.3 left to buy
            new SlotOutlook(slots.get(1), 0.8, "forecast", 1.0)); // bought too much: offer 0.2
    List<SlotPlan> plans =
        TradingAgent.plan(
            at, MARKET, Tariffs.defaultTariff(), SETTINGS, outlooks, Optional.empty());
    assertThat(plans.get(0).order().orElseThrow().energyKwh()).isCloseTo(0.3, within(1e-12));
    assertThat(plans.get(0).order().orElseThrow().note()).contains("already traded 0.500 kWh");
    assertThat(plans.get(1).order().orElseThrow().side()).isEqualTo(OrderSide.SELL);
    assertThat(plans.get(1).order().orElseThrow().energyKwh()).isCloseTo(0.2, within(1e-12));

    assertThat(plan(at, Optional.empty(), 0.009, -0.0094).stream().map(SlotPlan::order))
        .allMatch(Optional::isEmpty);
    assertThat(plan(at, Optional.empty(), 0.01, 0).get(0).order()).isPresent();
    assertThat(plan(at, Optional.empty(), 0.01, 0).get(1).order()).isEmpty();
  }

  @Test
  void shouldQuoteFinalPricesThatCrossAtTheLastUpdate() {
    Instant last = S1015.minusSeconds(6 * 60); // 08:09Z: the last update of slot 08:15Z
    List<SlotPlan> buyer = plan(last, Optional.empty(), 0.5, 0.5);
    List<SlotPlan> seller = plan(last, Optional.empty(), -0.5, -0.5);
    AgentOrder bid = buyer.get(0).order().orElseThrow();
    AgentOrder offer = seller.get(0).order().orElseThrow();
    assertThat(bid.slot()).isEqualTo(S1015);
    assertThat(bid.priceEurPerKwh()).isEqualTo(0.31);
    assertThat(offer.priceEurPerKwh()).isEqualTo(0.04);
    assertThat(bid.priceEurPerKwh()).isGreaterThanOrEqualTo(offer.priceEurPerKwh());
  }
}
