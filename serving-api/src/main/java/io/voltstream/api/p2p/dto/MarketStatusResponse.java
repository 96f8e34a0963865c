package io.voltstream.api.p2p.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/p2p/market/status}: a market's open books, its last clearing, the energy
 * traded over 24 h and its participants.
 *
 * @param openSlots slots whose gate is still open and that hold pending or open orders, earliest
 *     first
 * @param firstOpenSlot the earliest slot orders can still be placed for
 * @param lastClearing the latest slot cleared (InfluxDB {@code market_clearing}), null when none
 * @param volume24hKwh energy traded for delivery slots from 24 h ago on (InfluxDB {@code
 *     market_trades}, including slots still to come that already traded)
 * @param trades24h number of those trades
 */
public record MarketStatusResponse(
    String market,
    String name,
    String mode,
    int gateClosureSeconds,
    Instant at,
    Instant firstOpenSlot,
    List<SlotBook> openSlots,
    Clearing lastClearing,
    @JsonProperty("volume_24h_kwh") double volume24hKwh,
    @JsonProperty("trades_24h") long trades24h,
    Participants participants) {

  /** One open slot's book. */
  public record SlotBook(Instant slot, Instant gateClosesAt, BookSide bids, BookSide offers) {}

  /**
   * One side of a book: orders, their remaining energy and the best price (highest bid, lowest
   * offer; null when empty).
   */
  public record BookSide(int count, double energyKwh, Double bestPriceEurPerKwh) {}

  /** A slot's clearing as the market job reported it. */
  public record Clearing(
      Instant slot,
      String mode,
      Double priceEurPerKwh,
      double volumeKwh,
      int orders,
      int bids,
      int offers,
      int trades,
      int participants,
      Instant clearedAt) {}

  /**
   * Member buildings (their registry record names this market) and the active ones (an order in a
   * slot from 24 h ago on); {@code buildings} lists those the token covers.
   */
  public record Participants(int members, int active, List<Participant> buildings) {}

  public record Participant(String id, boolean agent, boolean active) {}
}
