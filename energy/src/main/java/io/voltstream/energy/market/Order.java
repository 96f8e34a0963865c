package io.voltstream.energy.market;

import static io.voltstream.energy.EnergyValidationException.requireFinite;
import static io.voltstream.energy.EnergyValidationException.requireText;

import io.voltstream.energy.EnergyValidationException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * An order of one delivery slot as the clearing sees it: a limit price and a quantity of energy. A
 * bid buys at most {@code energyKwh} paying at most {@code limitEurPerKwh}; an offer sells at most
 * {@code energyKwh} receiving at least {@code limitEurPerKwh}.
 *
 * @param id order id, unique in its market
 * @param building the participant
 * @param side buy or sell
 * @param energyKwh quantity [kWh], &gt; 0
 * @param limitEurPerKwh limit price [€/kWh], finite (may be negative)
 * @param submittedAt when the market received it (time priority)
 */
public record Order(
    String id,
    String building,
    OrderSide side,
    double energyKwh,
    double limitEurPerKwh,
    Instant submittedAt) {

  /**
   * Priority within a side: better price first (highest bid, lowest offer), then earlier {@code
   * submitted_at}, then smaller id — the deterministic tie-break every matcher uses.
   */
  public static final Comparator<Order> PRIORITY =
      Comparator.comparingDouble(Order::priorityPrice)
          .thenComparing(Order::submittedAt)
          .thenComparing(Order::id);

  public Order {
    requireText("id", id);
    requireText("building", building);
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(submittedAt, "submitted_at");
    requireFinite("energy_kwh", energyKwh);
    if (!(energyKwh > 0)) {
      throw new EnergyValidationException("energy_kwh", "must be > 0, was " + energyKwh);
    }
    requireFinite("price_eur_per_kwh", limitEurPerKwh);
  }

  /** The same order with {@code energyKwh} left (after a partial fill). */
  public Order withEnergyKwh(double remainingKwh) {
    return new Order(id, building, side, remainingKwh, limitEurPerKwh, submittedAt);
  }

  private double priorityPrice() {
    return side == OrderSide.BUY ? -limitEurPerKwh : limitEurPerKwh;
  }
}
