package io.voltstream.model.market;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.voltstream.energy.market.Order;
import io.voltstream.energy.market.OrderSide;
import java.time.Instant;
import java.util.Objects;

/**
 * A record of Kafka {@code market-orders} (key = market id, so one market's orders stay in order),
 * the log of record of every order and cancellation; written by the API and the trading agents,
 * read by the market job.
 *
 * @param action submit (a new order) or cancel (of the order {@code id})
 * @param id order id (UUID from the API; {@code agent-<building>-<slot epoch s>-<n>} from agents)
 * @param market market id
 * @param building the participant
 * @param side buy or sell (also on a cancel, copied from the order)
 * @param energyKwh quantity [kWh], &gt; 0 on submit (0 on cancel)
 * @param priceEurPerKwh limit price [€/kWh] (0 on cancel)
 * @param deliveryStart the delivery slot's start (15-minute boundary)
 * @param submittedAt when the API or the agent placed it (event time; time priority)
 * @param submittedBy token subject, or {@code agent:<building>}
 * @param origin api or agent
 * @param note the agent's reasoning (forecast, price ramp), null from the API
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarketOrder(
    OrderAction action,
    String id,
    String market,
    String building,
    OrderSide side,
    double energyKwh,
    double priceEurPerKwh,
    Instant deliveryStart,
    Instant submittedAt,
    String submittedBy,
    OrderOrigin origin,
    String note) {

  public MarketOrder {
    action = action == null ? OrderAction.SUBMIT : action;
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(market, "market");
    Objects.requireNonNull(building, "building");
    Objects.requireNonNull(deliveryStart, "delivery_start");
    Objects.requireNonNull(submittedAt, "submitted_at");
    origin = origin == null ? OrderOrigin.API : origin;
  }

  /** A cancellation of {@code order}, asked at {@code at} by {@code by}. */
  public static MarketOrder cancel(MarketOrder order, Instant at, String by) {
    return new MarketOrder(
        OrderAction.CANCEL,
        order.id(),
        order.market(),
        order.building(),
        order.side(),
        0,
        0,
        order.deliveryStart(),
        at,
        by,
        order.origin(),
        null);
  }

  /** The order as the clearing sees it (submit records only). */
  public Order toOrder() {
    return new Order(id, building, side, energyKwh, priceEurPerKwh, submittedAt);
  }
}
