package io.voltstream.energy.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.voltstream.energy.market.Match;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

class MarketPositionTest {

  @Test
  void shouldSumABuildingsLegsOnBothSides() {
    List<Match> trades =
        List.of(
            new Match("b1", "s1", "a", "b", 1.0, 0.20),
            new Match("b2", "s2", "b", "a", 0.5, 0.10),
            new Match("b3", "s3", "c", "b", 2.0, 0.15));
    MarketPosition a = MarketPosition.of("a", trades);
    assertThat(a.boughtKwh()).isEqualTo(1.0);
    assertThat(a.soldKwh()).isEqualTo(0.5);
    assertThat(a.paidEur()).isCloseTo(0.20, within(1e-12));
    assertThat(a.receivedEur()).isCloseTo(0.05, within(1e-12));
    assertThat(a.netKwh()).isEqualTo(0.5);
    assertThat(MarketPosition.of("nobody", trades)).isEqualTo(MarketPosition.NONE);
    assertThat(MarketPosition.NONE.traded()).isFalse();
  }

  /**
   * What buyers pay equals what sellers receive, and the energy bought equals the energy sold
   * (QuickTheories, 300 examples; a failure prints its seed, {@code -DQT_SEED=N} replays it).
   */
  @Test
  void shouldBalancePaymentsAcrossParticipants() {
    QuickTheory.qt().withExamples(300).forAll(trades()).checkAssert(this::balances);
  }

  private void balances(List<Match> trades) {
    Set<String> participants = new TreeSet<>();
    trades.forEach(
        m -> {
          participants.add(m.buyer());
          participants.add(m.seller());
        });
    double paid = 0;
    double received = 0;
    double bought = 0;
    double sold = 0;
    for (String b : participants) {
      MarketPosition p = MarketPosition.of(b, trades);
      paid += p.paidEur();
      received += p.receivedEur();
      bought += p.boughtKwh();
      sold += p.soldKwh();
    }
    assertThat(paid).isCloseTo(received, within(1e-9));
    assertThat(bought).isCloseTo(sold, within(1e-9));
    double traded = trades.stream().mapToDouble(Match::amountEur).sum();
    assertThat(paid).isCloseTo(traded, within(1e-9));
  }

  /**
   * Up to 40 trades among five buildings (the seller is another building than the buyer), 0.001 to
   * 50 kWh on a Wh grid, −0.1 to 0.6 €/kWh on a 0.0001 grid.
   */
  private static Gen<List<Match>> trades() {
    List<String> buildings = List.of("a", "b", "c", "d", "e");
    Gen<Match> match =
        integers()
            .between(0, 4)
            .zip(
                integers().between(1, 4),
                integers().between(1, 50_000),
                integers().between(-1_000, 6_000),
                (buyer, offset, wh, price) ->
                    new Match(
                        "bid",
                        "offer",
                        buildings.get(buyer),
                        buildings.get((buyer + offset) % buildings.size()),
                        wh / 1000.0,
                        price / 10_000.0));
    return lists().of(match).ofSizeBetween(0, 40);
  }
}
