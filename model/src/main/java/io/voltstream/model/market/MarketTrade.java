package io.voltstream.model.market;

import io.voltstream.energy.market.MarketMode;
import java.time.Instant;

/**
 * A trade (Kafka {@code market-trades}, key = market id; InfluxDB {@code market_trades}).
 *
 * @param id trade id, deterministic: {@code <market>-<slot epoch s>-<sequence>} so that a replay
 *     writes the same trades
 * @param market market id
 * @param slot delivery slot start
 * @param buyOrderId the bid
 * @param sellOrderId the offer
 * @param buyer buying building
 * @param seller selling building
 * @param energyKwh energy traded [kWh]
 * @param priceEurPerKwh price [€/kWh]
 * @param mode pay_as_clear or pay_as_bid
 * @param matchedAt event time of the match (gate closure for pay-as-clear)
 */
public record MarketTrade(
    String id,
    String market,
    Instant slot,
    String buyOrderId,
    String sellOrderId,
    String buyer,
    String seller,
    double energyKwh,
    double priceEurPerKwh,
    MarketMode mode,
    Instant matchedAt) {

  /** What the buyer pays and the seller receives [€]. */
  public double amountEur() {
    return energyKwh * priceEurPerKwh;
  }
}
