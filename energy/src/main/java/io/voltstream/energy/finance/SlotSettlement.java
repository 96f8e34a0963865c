package io.voltstream.energy.finance;

/**
 * The settlement of one participant's slot (the figures of the model's {@code Settlement}): the P2P
 * trades are paid at their prices and the deviation between the metered grid exchange and the
 * traded position is settled against the grid through {@link GridPrices#costEur}: taken beyond the
 * position at the import price, delivered beyond it at the feed-in price.
 *
 * <pre>
 * position  = bought − sold
 * deviation = metered net − position
 * net cost  = paid − received + costEur(deviation)
 * grid-only = costEur(metered net)
 * savings   = grid-only − net cost
 * </pre>
 *
 * Without trades the net cost equals the grid-only cost and the savings are 0.
 */
public record SlotSettlement(
    double boughtKwh,
    double soldKwh,
    double paidEur,
    double receivedEur,
    double meteredNetKwh,
    double deviationKwh,
    double deviationEur,
    double netCostEur,
    double gridOnlyCostEur,
    double savingsEur,
    double importPriceEurPerKwh,
    double exportPriceEurPerKwh) {

  /**
   * Settles {@code position} against {@code meteredNetKwh} (+ import / − export) at {@code prices}.
   */
  public static SlotSettlement settle(
      MarketPosition position, double meteredNetKwh, GridPrices prices) {
    double deviation = meteredNetKwh - position.netKwh();
    double deviationEur = prices.costEur(deviation);
    double net = position.paidEur() - position.receivedEur() + deviationEur;
    double gridOnly = prices.costEur(meteredNetKwh);
    return new SlotSettlement(
        position.boughtKwh(),
        position.soldKwh(),
        position.paidEur(),
        position.receivedEur(),
        meteredNetKwh,
        deviation,
        deviationEur,
        net,
        gridOnly,
        gridOnly - net,
        prices.importEurPerKwh(),
        prices.exportEurPerKwh());
  }
}
