package io.voltstream.energy.market;

/**
 * One trade between a bid and an offer: {@code energyKwh} delivered from the seller to the buyer at
 * {@code priceEurPerKwh}. The buyer pays and the seller receives {@code energyKwh ×
 * priceEurPerKwh}.
 */
public record Match(
    String buyOrderId,
    String sellOrderId,
    String buyer,
    String seller,
    double energyKwh,
    double priceEurPerKwh) {

  /** What the buyer pays and the seller receives [€]. */
  public double amountEur() {
    return energyKwh * priceEurPerKwh;
  }
}
