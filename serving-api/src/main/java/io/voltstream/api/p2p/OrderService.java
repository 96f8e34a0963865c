package io.voltstream.api.p2p;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.p2p.dto.OrderAccepted;
import io.voltstream.api.p2p.dto.OrderResponse;
import io.voltstream.api.query.Inputs;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.market.OrderSide;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.OrderAction;
import io.voltstream.model.market.OrderOrigin;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Market orders placed through the API: submit and cancel append a {@link MarketOrder} to the log
 * of record ({@link OrderLog}, Kafka {@code market-orders}) and return once Kafka acknowledged it;
 * reads come from the {@link OrderStore} (this instance's own writes are applied at once, so they
 * are read back immediately). Takes values the controller has checked; throws {@link ApiException}
 * for conflicts (cancelling a final order, or after gate closure).
 */
public final class OrderService {
  private final OrderStore store;
  private final OrderLog log;
  private final RegistryService registry;
  private final Clock clock;

  public OrderService(OrderStore store, OrderLog log, RegistryService registry, Clock clock) {
    this.store = store;
    this.log = log;
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * Filters of {@code GET /p2p/orders}; null = any. {@code state} is {@code pending} or an {@code
   * OrderState} in lower case; {@code from}/{@code to} bound the delivery slot start [from, to).
   */
  public record Filter(
      String building,
      String market,
      OrderSide side,
      String state,
      Instant from,
      Instant to,
      OrderOrigin origin,
      int limit) {}

  public OrderAccepted submit(OrderValidation.Submit s, String by) {
    Instant now = now();
    MarketOrder order =
        new MarketOrder(
            OrderAction.SUBMIT,
            UUID.randomUUID().toString(),
            s.market().id(),
            s.building().id(),
            s.side(),
            s.energyKwh(),
            s.priceEurPerKwh(),
            s.deliveryStart(),
            now,
            by,
            OrderOrigin.API,
            null);
    log.append(order);
    store.apply(order);
    return new OrderAccepted(
        order.id(),
        OrderStore.PENDING,
        order.market(),
        order.building(),
        order.deliveryStart(),
        s.market().gateClosureOf(order.deliveryStart()));
  }

  /** The order, or a 404. */
  public OrderStore.Entry require(String id) {
    return store
        .get(id)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "no order '"
                        + id
                        + "' (orders are kept while their slot is at most "
                        + store.retention().toHours()
                        + " h old)"));
  }

  /**
   * Logs a cancel of {@code e}: 409 when the order is final, its slot's gate has closed, or a
   * cancel is already logged. The market job answers with the order's new state (or a refusal).
   */
  public synchronized OrderResponse cancel(OrderStore.Entry e, String by) {
    Instant now = now();
    OrderStore.Entry current = require(e.id());
    if (current.isFinal()) {
      throw ApiException.conflict(
          "order "
              + current.id()
              + " is "
              + Inputs.lower(current.state())
              + "; it cannot be cancelled");
    }
    MarketSpec market = market(current.market());
    Instant gate = market == null ? null : market.gateClosureOf(current.deliveryStart());
    if (gate == null || !now.isBefore(gate)) {
      throw ApiException.conflict(
          "the gate of slot "
              + current.deliveryStart()
              + " closed at "
              + gate
              + "; order "
              + current.id()
              + " can no longer be cancelled");
    }
    if (current.cancelRequestedAt() != null) {
      throw ApiException.conflict(
          "a cancel of order " + current.id() + " was logged at " + current.cancelRequestedAt());
    }
    MarketOrder cancel = MarketOrder.cancel(current.asSubmitted(), now, by);
    log.append(cancel);
    store.apply(cancel);
    return view(require(current.id()));
  }

  /** Orders of buildings {@code covered} accepts, filtered, newest delivery slot first. */
  public List<OrderResponse> list(Filter f, Predicate<String> covered) {
    return store.entries().stream()
        .filter(e -> covered.test(e.building()))
        .filter(e -> f.building() == null || f.building().equals(e.building()))
        .filter(e -> f.market() == null || f.market().equals(e.market()))
        .filter(e -> f.side() == null || f.side() == e.side())
        .filter(e -> f.state() == null || f.state().equals(state(e)))
        .filter(e -> f.from() == null || !e.deliveryStart().isBefore(f.from()))
        .filter(e -> f.to() == null || e.deliveryStart().isBefore(f.to()))
        .filter(e -> f.origin() == null || f.origin() == e.origin())
        .sorted(
            Comparator.comparing(OrderStore.Entry::deliveryStart)
                .reversed()
                .thenComparing(OrderService::submittedAt, Comparator.reverseOrder())
                .thenComparing(OrderStore.Entry::id))
        .limit(f.limit())
        .map(this::view)
        .toList();
  }

  public OrderResponse view(OrderStore.Entry e) {
    MarketSpec market = market(e.market());
    var u = e.update();
    var o = e.order();
    return new OrderResponse(
        e.id(),
        e.market(),
        e.building(),
        Inputs.lower(e.side()),
        e.energyKwh(),
        e.priceEurPerKwh(),
        e.deliveryStart(),
        market == null ? null : market.gateClosureOf(e.deliveryStart()),
        state(e),
        e.filledKwh(),
        e.remainingKwh(),
        u == null ? null : u.averagePriceEurPerKwh(),
        u == null ? null : u.reason(),
        Inputs.lower(e.origin()),
        o == null ? null : o.submittedAt(),
        o == null ? null : o.submittedBy(),
        e.cancelRequestedAt(),
        u == null ? null : u.at());
  }

  /** {@code pending} before the job's first report, else its state in lower case. */
  public static String state(OrderStore.Entry e) {
    return e.state() == null ? OrderStore.PENDING : Inputs.lower(e.state());
  }

  private static Instant submittedAt(OrderStore.Entry e) {
    return e.order() != null ? e.order().submittedAt() : Instant.EPOCH;
  }

  private MarketSpec market(String id) {
    return registry.market(id).orElse(null);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
