package io.voltstream.energy.finance;

import static io.voltstream.energy.finance.FinanceTestData.NOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.market.Match;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settlement against hand-computed cases; prices 0.31 €/kWh import, 0.04 €/kWh feed-in. */
class SlotSettlementTest {
  private static final double EPS = 1e-9;

  @Test
  void shouldBuyTheShortfallOfABuyerFromTheGrid() {
    // Bought 1 kWh at 0.20, took 1.5 kWh: 0.5 kWh more from the grid at 0.31.
    SlotSettlement s = SlotSettlement.settle(new MarketPosition(1.0, 0, 0.20, 0), 1.5, NOON);
    assertThat(s.deviationKwh()).isCloseTo(0.5, within(EPS));
    assertThat(s.deviationEur()).isCloseTo(0.155, within(EPS));
    assertThat(s.netCostEur()).isCloseTo(0.355, within(EPS)); // 0.20 + 0.155
    assertThat(s.gridOnlyCostEur()).isCloseTo(0.465, within(EPS)); // 1.5 × 0.31
    assertThat(s.savingsEur()).isCloseTo(0.11, within(EPS));
    assertThat(s.importPriceEurPerKwh()).isEqualTo(0.31);
    assertThat(s.exportPriceEurPerKwh()).isEqualTo(0.04);
  }

  @Test
  void shouldMakeASellerThatDeliveredLessBuyTheRestAtTheImportPrice() {
    // Sold 2 kWh at 0.20 (receives 0.40) but exported only 1.5 kWh: 0.5 kWh short, bought at 0.31.
    SlotSettlement s = SlotSettlement.settle(new MarketPosition(0, 2.0, 0, 0.40), -1.5, NOON);
    assertThat(s.deviationKwh()).isCloseTo(0.5, within(EPS));
    assertThat(s.deviationEur()).isCloseTo(0.155, within(EPS));
    assertThat(s.netCostEur()).isCloseTo(-0.245, within(EPS)); // −0.40 + 0.155
    assertThat(s.gridOnlyCostEur()).isCloseTo(-0.06, within(EPS)); // 1.5 kWh fed in at 0.04
    assertThat(s.savingsEur()).isCloseTo(0.185, within(EPS));
  }

  @Test
  void shouldFeedInWhatABuyerBoughtButDidNotTake() {
    // Bought 1 kWh at 0.20, took 0.4 kWh: 0.6 kWh surplus settled at the feed-in price.
    SlotSettlement s = SlotSettlement.settle(new MarketPosition(1.0, 0, 0.20, 0), 0.4, NOON);
    assertThat(s.deviationKwh()).isCloseTo(-0.6, within(EPS));
    assertThat(s.deviationEur()).isCloseTo(-0.024, within(EPS));
    assertThat(s.netCostEur()).isCloseTo(0.176, within(EPS));
    assertThat(s.gridOnlyCostEur()).isCloseTo(0.124, within(EPS));
    assertThat(s.savingsEur()).isCloseTo(-0.052, within(EPS)); // over-buying lost money
  }

  @Test
  void shouldSaveNothingWithoutTrades() {
    SlotSettlement s = SlotSettlement.settle(MarketPosition.NONE, -0.8, NOON);
    assertThat(s.netCostEur()).isCloseTo(-0.032, within(EPS));
    assertThat(s.gridOnlyCostEur()).isEqualTo(s.netCostEur());
    assertThat(s.savingsEur()).isZero();
  }

  @Test
  void shouldBalancePaymentsOfAThreeBuildingSlot() {
    // pv-house sells 1.0 kWh to office at 0.18 and 0.5 kWh to flat at 0.18; flat sells nothing.
    List<Match> trades =
        List.of(
            new Match("b1", "s1", "office", "pv-house", 1.0, 0.18),
            new Match("b2", "s1", "flat", "pv-house", 0.5, 0.18));
    SlotSettlement house = SlotSettlement.settle(MarketPosition.of("pv-house", trades), -1.6, NOON);
    SlotSettlement office = SlotSettlement.settle(MarketPosition.of("office", trades), 1.2, NOON);
    SlotSettlement flat = SlotSettlement.settle(MarketPosition.of("flat", trades), 0.5, NOON);
    assertThat(house.receivedEur()).isCloseTo(0.27, within(EPS));
    assertThat(office.paidEur() + flat.paidEur()).isCloseTo(house.receivedEur(), within(EPS));
    // House: exported 1.6, sold 1.5 → 0.1 kWh fed in at 0.04: −0.27 − 0.004.
    assertThat(house.netCostEur()).isCloseTo(-0.274, within(EPS));
    assertThat(house.savingsEur()).isCloseTo(-0.064 + 0.274, within(EPS));
    // Office: took 1.2, bought 1.0 → 0.2 from the grid: 0.18 + 0.062.
    assertThat(office.netCostEur()).isCloseTo(0.242, within(EPS));
    assertThat(office.savingsEur()).isCloseTo(0.372 - 0.242, within(EPS));
    // Flat: took exactly what it bought.
    assertThat(flat.deviationKwh()).isCloseTo(0, within(EPS));
    assertThat(flat.netCostEur()).isCloseTo(0.09, within(EPS));
  }
}
