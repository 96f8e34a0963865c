package io.voltstream.energy.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.market.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

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

  /** What buyers pay equals what sellers receive, and the energy bought equals the energy sold. */
  @Property(tries = 300)
  void shouldBalancePaymentsAcrossParticipants(@ForAll("trades") List<Match> trades) {
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

  @Provide
  Arbitrary<List<Match>> trades() {
    Arbitrary<String> building = Arbitraries.of("a", "b", "c", "d", "e");
    Arbitrary<Match> match =
        Combinators.combine(
                building,
                building,
                Arbitraries.doubles().between(0.001, 50).ofScale(3),
                Arbitraries.doubles().between(-0.1, 0.6).ofScale(4))
            .filter((buyer, seller, kwh, price) -> !buyer.equals(seller))
            .as(
                (buyer, seller, kwh, price) ->
                    new Match("bid", "offer", buyer, seller, kwh, price));
    return match.list().ofMaxSize(40).map(ArrayList::new);
  }
}
