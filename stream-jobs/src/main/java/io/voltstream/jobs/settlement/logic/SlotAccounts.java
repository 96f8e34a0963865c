package io.voltstream.jobs.settlement.logic;

import io.voltstream.energy.finance.GridPrices;
import io.voltstream.energy.finance.MarketPosition;
import io.voltstream.energy.finance.MeteredEnergy;
import io.voltstream.energy.finance.SlotFinance;
import io.voltstream.energy.finance.SlotSettlement;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.market.Match;
import io.voltstream.model.market.MarketTrade;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A building's slot, closed: its {@link io.voltstream.model.market.Settlement} when it traded and
 * its finance rows, from the energy module's rules ({@link SlotSettlement}, {@link SlotFinance}).
 */
public final class SlotAccounts {
  private SlotAccounts() {}

  /**
   * The settlement of {@code building}'s {@code slot}; empty when none of {@code trades} is its.
   * The market is the trades' (a building is a member of one market; with trades in several the
   * alphabetically first market is named and all trades count).
   */
  public static Optional<io.voltstream.model.market.Settlement> settlement(
      String building,
      Instant slot,
      MeteredEnergy metered,
      Collection<MarketTrade> trades,
      GridPrices prices,
      Instant settledAt) {
    MarketPosition position = position(building, trades);
    if (!position.traded()) {
      return Optional.empty();
    }
    String market =
        trades.stream().map(MarketTrade::market).min(Comparator.naturalOrder()).orElseThrow();
    SlotSettlement s = SlotSettlement.settle(position, metered.netKwh(), prices);
    return Optional.of(
        new io.voltstream.model.market.Settlement(
            market,
            slot,
            building,
            s.boughtKwh(),
            s.soldKwh(),
            s.paidEur(),
            s.receivedEur(),
            s.meteredNetKwh(),
            s.deviationKwh(),
            s.deviationEur(),
            s.netCostEur(),
            s.gridOnlyCostEur(),
            s.savingsEur(),
            s.importPriceEurPerKwh(),
            s.exportPriceEurPerKwh(),
            metered.meteredShare(MarketSpec.SLOT),
            settledAt));
  }

  /** The building row of {@code slot}. */
  public static FinanceRow buildingRow(
      String building,
      Instant slot,
      MeteredEnergy metered,
      Collection<MarketTrade> trades,
      double drBenefitEur,
      GridPrices prices) {
    return new FinanceRow(
        building,
        null,
        slot,
        SlotFinance.building(
            metered, position(building, trades), drBenefitEur, prices, MarketSpec.SLOT));
  }

  /** A room row of {@code slot}. */
  public static FinanceRow roomRow(
      String building, String room, Instant slot, MeteredEnergy metered, GridPrices prices) {
    return new FinanceRow(building, room, slot, SlotFinance.room(metered, prices, MarketSpec.SLOT));
  }

  /** {@code building}'s position from its trade legs. */
  public static MarketPosition position(String building, Collection<MarketTrade> trades) {
    List<Match> matches =
        trades.stream()
            .map(
                t ->
                    new Match(
                        t.buyOrderId(),
                        t.sellOrderId(),
                        t.buyer(),
                        t.seller(),
                        t.energyKwh(),
                        t.priceEurPerKwh()))
            .toList();
    return MarketPosition.of(building, matches);
  }
}
