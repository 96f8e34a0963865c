package io.voltstream.api.p2p;

import io.voltstream.energy.market.OrderSide;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.OrderAction;
import io.voltstream.model.market.OrderOrigin;
import io.voltstream.model.market.OrderState;
import io.voltstream.model.market.OrderUpdate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's bounded in-memory view of the market's orders, merged from the two Kafka logs: {@code
 * market-orders} (every submit and cancel, the log of record; {@link #apply(MarketOrder)}) and the
 * market job's compacted {@code market-order-status} ({@link #apply(OrderUpdate)}). An order is
 * {@code pending} from its submit until the job's first update; then it has the job's latest state.
 * Either record may arrive first (they are different topics), so an entry is built from whichever
 * is known.
 *
 * <p>Bounded: only orders whose delivery slot starts within {@link #retention()} before now are
 * kept (older records are skipped, older entries evicted), and at most {@code maxOrders} (the
 * oldest slots go first). Thread-safe; pure (no Kafka): {@code OrderFeed} feeds it.
 */
public final class OrderStore {
  /** Documented default: orders of delivery slots that started in the last 48 hours, or later. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(48);

  /** Documented default bound on the number of orders held. */
  public static final int DEFAULT_MAX_ORDERS = 200_000;

  /** State shown for an order the market job has not reported on yet. */
  public static final String PENDING = "pending";

  private static final int SWEEP_EVERY = 1_000;

  /**
   * One order as known here.
   *
   * @param order its submit record (null when only the job's update was seen)
   * @param update the job's latest update (null while pending)
   * @param cancelRequestedAt when a cancel was logged for it, or null
   */
  public record Entry(MarketOrder order, OrderUpdate update, Instant cancelRequestedAt) {
    public String id() {
      return order != null ? order.id() : update.orderId();
    }

    public String market() {
      return order != null ? order.market() : update.market();
    }

    public String building() {
      return order != null ? order.building() : update.building();
    }

    public OrderSide side() {
      return order != null ? order.side() : update.side();
    }

    public Instant deliveryStart() {
      return order != null ? order.deliveryStart() : update.deliveryStart();
    }

    public double energyKwh() {
      return order != null ? order.energyKwh() : update.energyKwh();
    }

    public double priceEurPerKwh() {
      return order != null ? order.priceEurPerKwh() : update.priceEurPerKwh();
    }

    public OrderOrigin origin() {
      return order != null ? order.origin() : update.origin();
    }

    /** The job's state, null while pending. */
    public OrderState state() {
      return update == null ? null : update.state();
    }

    /** Whether nothing can happen to the order any more. */
    public boolean isFinal() {
      return update != null && update.state().isFinal();
    }

    public double filledKwh() {
      return update == null ? 0 : update.filledKwh();
    }

    /** What is left to trade: the whole order while pending. */
    public double remainingKwh() {
      return update == null ? energyKwh() : update.remainingKwh();
    }

    /** The order as a submit record (rebuilt from the job's update when the submit is unknown). */
    public MarketOrder asSubmitted() {
      if (order != null) {
        return order;
      }
      return new MarketOrder(
          OrderAction.SUBMIT,
          update.orderId(),
          update.market(),
          update.building(),
          update.side(),
          update.energyKwh(),
          update.priceEurPerKwh(),
          update.deliveryStart(),
          update.at(),
          null,
          update.origin(),
          null);
    }
  }

  private final Clock clock;
  private final Duration retention;
  private final int maxOrders;
  private final Map<String, Entry> entries = new HashMap<>(); // guarded by this
  private int sinceSweep;

  public OrderStore(Clock clock, Duration retention, int maxOrders) {
    if (retention.isNegative() || retention.isZero() || maxOrders < 1) {
      throw new IllegalArgumentException("retention and maxOrders must be positive");
    }
    this.clock = clock;
    this.retention = retention;
    this.maxOrders = maxOrders;
  }

  /** The documented defaults ({@link #DEFAULT_RETENTION}, {@link #DEFAULT_MAX_ORDERS}). */
  public static OrderStore withDefaults(Clock clock) {
    return new OrderStore(clock, DEFAULT_RETENTION, DEFAULT_MAX_ORDERS);
  }

  public Duration retention() {
    return retention;
  }

  /**
   * A record of {@code market-orders}: a submit adds the order (a repeat is ignored, so a replay
   * and this instance's own write agree); a cancel marks the order's cancel request (the job
   * decides).
   */
  public synchronized void apply(MarketOrder o) {
    if (o.deliveryStart().isBefore(horizon())) {
      return;
    }
    Entry e = entries.get(o.id());
    if (o.action() == OrderAction.CANCEL) {
      if (e != null && e.cancelRequestedAt() == null) {
        entries.put(o.id(), new Entry(e.order(), e.update(), o.submittedAt()));
      }
      return;
    }
    if (e == null) {
      entries.put(o.id(), new Entry(o, null, null));
      bound();
    } else if (e.order() == null) {
      entries.put(o.id(), new Entry(o, e.update(), e.cancelRequestedAt()));
    }
  }

  /**
   * A record of {@code market-order-status}: the job's newer update replaces the older one. An
   * update older than the one held, or one taking a final order back to a live state, is ignored
   * (the topic is keyed by order id, so this guards replays, not the normal order).
   */
  public synchronized void apply(OrderUpdate u) {
    if (u.orderId() == null || u.deliveryStart() == null || u.state() == null) {
      return;
    }
    if (u.deliveryStart().isBefore(horizon())) {
      return;
    }
    Entry e = entries.get(u.orderId());
    if (e == null) {
      entries.put(u.orderId(), new Entry(null, u, null));
      bound();
      return;
    }
    if (e.update() != null && !supersedes(u, e.update())) {
      return;
    }
    entries.put(u.orderId(), new Entry(e.order(), u, e.cancelRequestedAt()));
  }

  static boolean supersedes(OrderUpdate next, OrderUpdate held) {
    if (held.state().isFinal() && !next.state().isFinal()) {
      return false;
    }
    return next.at() == null || held.at() == null || !next.at().isBefore(held.at());
  }

  public synchronized Optional<Entry> get(String id) {
    Entry e = entries.get(id);
    return e == null || e.deliveryStart().isBefore(horizon()) ? Optional.empty() : Optional.of(e);
  }

  /** Every order within the retention, in no particular order. */
  public synchronized List<Entry> entries() {
    sweep();
    return List.copyOf(entries.values());
  }

  public synchronized int size() {
    return entries.size();
  }

  private Instant horizon() {
    return clock.instant().minus(retention);
  }

  /** Evicts expired orders now and then, and the oldest slots beyond {@code maxOrders}. */
  private void bound() {
    if (++sinceSweep >= SWEEP_EVERY) {
      sweep();
    }
    if (entries.size() > maxOrders) {
      List<Entry> oldestFirst = new ArrayList<>(entries.values());
      oldestFirst.sort(Comparator.comparing(Entry::deliveryStart));
      // drop a tenth at once so a full store does not sort on every insert
      int drop = entries.size() - maxOrders + Math.max(1, maxOrders / 10);
      oldestFirst.stream().limit(drop).forEach(x -> entries.remove(x.id()));
    }
  }

  private void sweep() {
    sinceSweep = 0;
    Instant horizon = horizon();
    entries.values().removeIf(e -> e.deliveryStart().isBefore(horizon));
  }
}
