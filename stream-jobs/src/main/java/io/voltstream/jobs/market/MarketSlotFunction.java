package io.voltstream.jobs.market;

import io.voltstream.energy.market.MarketSpec;
import io.voltstream.jobs.MapStates;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.market.logic.OrderAdmission;
import io.voltstream.jobs.market.logic.SlotMatching;
import io.voltstream.jobs.market.logic.SlotOrder;
import io.voltstream.jobs.market.logic.SlotOutcome;
import io.voltstream.jobs.market.logic.SlotStatus;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.OrderAction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order book of one delivery slot of one market (key {@link MarketJob#slotKey}: market and
 * slot). Orders and cancels arrive from {@code market-orders}; the markets' settings from the
 * registry broadcast. Decisions are {@link OrderAdmission} and {@link SlotMatching}'s; this
 * operator keeps the slot's state, timers and metrics.
 *
 * <ul>
 *   <li>A submit is rejected with its reason, or accepted ({@code open}); in a pay-as-bid market it
 *       trades at once against the book. The slot's first accepted order fixes its market settings
 *       and registers two event-time timers: gate closure and, {@code closedSlotRetention} later,
 *       deletion.
 *   <li>At gate closure (watermark ≥ slot start − gate closure) the book closes: pay-as-clear
 *       clears it, pay-as-bid expires the rest; one {@code MarketClearing}. The orders' final
 *       states stay until the deletion timer to answer late orders ({@code rejected}) and cancels
 *       (their state, with the reason).
 *   <li>At the deletion timer the slot's state is gone. Older slots are recognised by the
 *       watermark: their orders are rejected; a cancel of a forgotten order cannot be answered with
 *       its state, so it is counted ({@code cancelsOfForgottenOrders}) and logged, not answered.
 * </ul>
 */
public class MarketSlotFunction
    extends KeyedBroadcastProcessFunction<String, MarketOrder, RegistryChange, MarketOutput> {
  private static final Logger LOG = LoggerFactory.getLogger(MarketSlotFunction.class);

  /** Market id → its registry settings. */
  public static final MapStateDescriptor<String, MarketSpec> MARKETS =
      new MapStateDescriptor<>(
          "market-registry", Types.STRING, TypeInformation.of(MarketSpec.class));

  static final ValueStateDescriptor<SlotStatus> STATUS =
      new ValueStateDescriptor<>("slot-status", TypeInformation.of(SlotStatus.class));
  static final MapStateDescriptor<String, SlotOrder> ORDERS =
      new MapStateDescriptor<>("slot-orders", Types.STRING, TypeInformation.of(SlotOrder.class));

  private final MarketJobConfig config;
  private transient ValueState<SlotStatus> status;
  private transient MapState<String, SlotOrder> orders;
  private transient Counter accepted;
  private transient Counter rejected;
  private transient Counter trades;
  private transient Counter slotsClosed;
  private transient Counter forgottenCancels;
  private transient Counter malformedMarkets;

  public MarketSlotFunction(MarketJobConfig config) {
    this.config = config;
  }

  @Override
  public void open(OpenContext openContext) {
    status = getRuntimeContext().getState(STATUS);
    orders = getRuntimeContext().getMapState(ORDERS);
    var metrics = getRuntimeContext().getMetricGroup();
    accepted = metrics.counter("ordersAccepted");
    rejected = metrics.counter("ordersRejected");
    trades = metrics.counter("trades");
    slotsClosed = metrics.counter("slotsClosed");
    forgottenCancels = metrics.counter("cancelsOfForgottenOrders");
    malformedMarkets = metrics.counter("malformedMarketRecords");
  }

  @Override
  public void processElement(MarketOrder order, ReadOnlyContext ctx, Collector<MarketOutput> out)
      throws Exception {
    SlotStatus slot = status.value();
    if (order.action() == OrderAction.CANCEL) {
      cancel(order, slot, ctx, out);
      return;
    }
    SlotOrder existing = orders.get(order.id());
    if (existing != null) {
      // A resubmission (a retry of the same order): its state stands.
      emit(
          SlotOutcome.answer(
              slot,
              existing.update(existing.state(), "duplicate submit ignored", order.submittedAt())),
          out);
      return;
    }
    Optional<MarketSpec> spec =
        OrderAdmission.specOf(ctx.getBroadcastState(MARKETS).get(order.market()), order.market());
    Instant clock = Instant.ofEpochMilli(ctx.currentWatermark());
    Optional<String> refusal =
        OrderAdmission.refusal(order, spec, slot, clock, config.orderHorizon());
    if (refusal.isPresent()) {
      rejected.inc();
      emit(SlotOutcome.answer(slot, OrderAdmission.rejection(order, refusal.get())), out);
      return;
    }
    if (slot == null) {
      slot = SlotStatus.opened(spec.get(), order.deliveryStart());
      ctx.timerService().registerEventTimeTimer(slot.gateClosure().toEpochMilli());
      ctx.timerService()
          .registerEventTimeTimer(slot.forgetAt(config.closedSlotRetention()).toEpochMilli());
    }
    accepted.inc();
    List<SlotOrder> live = MapStates.values(orders).stream().filter(SlotOrder::isLive).toList();
    emit(SlotMatching.submit(slot, live, order), out);
  }

  private void cancel(
      MarketOrder cancel, SlotStatus slot, ReadOnlyContext ctx, Collector<MarketOutput> out)
      throws Exception {
    if (slot != null) {
      emit(SlotMatching.cancel(slot, orders.get(cancel.id()), cancel), out);
      return;
    }
    MarketSpec spec =
        OrderAdmission.specOf(ctx.getBroadcastState(MARKETS).get(cancel.market()), cancel.market())
            .orElse(MarketSpec.defaults());
    Instant clock = Instant.ofEpochMilli(ctx.currentWatermark());
    if (!clock.isBefore(spec.gateClosureOf(cancel.deliveryStart()))) {
      // The slot closed and was forgotten: answering without the order's state would overwrite
      // its final status on the compacted topic.
      forgottenCancels.inc();
      LOG.warn(
          "Cancel of order {} not answered: slot {} of market {} closed and is no longer kept",
          cancel.id(),
          cancel.deliveryStart(),
          cancel.market());
      return;
    }
    emit(SlotOutcome.answer(null, SlotMatching.unknownOrder(cancel)), out);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<MarketOutput> out)
      throws Exception {
    SlotStatus slot = status.value();
    if (slot == null) {
      return;
    }
    if (!slot.closed() && timestamp >= slot.gateClosure().toEpochMilli()) {
      slotsClosed.inc();
      emit(SlotMatching.close(slot, MapStates.values(orders)), out);
    }
    if (timestamp >= slot.forgetAt(config.closedSlotRetention()).toEpochMilli()) {
      status.clear();
      orders.clear();
    }
  }

  /** Stores the outcome's state and emits its trades, updates and clearing. */
  private void emit(SlotOutcome outcome, Collector<MarketOutput> out) throws Exception {
    if (outcome.status() != null) {
      status.update(outcome.status());
    }
    for (SlotOrder o : outcome.changed()) {
      orders.put(o.id(), o);
    }
    int firstTrade =
        outcome.status() == null ? 0 : outcome.status().trades() - outcome.trades().size();
    for (int i = 0; i < outcome.trades().size(); i++) {
      trades.inc();
      out.collect(MarketOutput.of(outcome.trades().get(i), firstTrade + i + 1));
    }
    for (int i = 0; i < outcome.updates().size(); i++) {
      out.collect(MarketOutput.of(outcome.updates().get(i), i));
    }
    if (outcome.clearing() != null) {
      out.collect(MarketOutput.of(outcome.clearing()));
    }
  }

  @Override
  public void processBroadcastElement(
      RegistryChange change, Context ctx, Collector<MarketOutput> out) throws Exception {
    RegistryKey key = change.key();
    if (key.kind() != RegistryKey.Kind.MARKET) {
      return;
    }
    var markets = ctx.getBroadcastState(MARKETS);
    if (change.isTombstone()) {
      markets.remove(key.id()); // slots holding orders keep the settings they opened with
      return;
    }
    Optional<MarketSpec> spec = change.value(MarketSpec.class);
    if (spec.isEmpty() || !spec.get().id().equals(key.id())) {
      malformedMarkets.inc();
      return;
    }
    markets.put(key.id(), spec.get());
  }
}
