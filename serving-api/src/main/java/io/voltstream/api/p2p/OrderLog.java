package io.voltstream.api.p2p;

import io.voltstream.model.market.MarketOrder;

/**
 * Where the API appends orders and cancellations: Kafka {@code market-orders} (key = market id) in
 * production (a {@code KafkaTopicWriter}, wired by the app), a list in tests. {@link #append}
 * returns once the record is durably accepted (Kafka's ack), or throws {@code
 * StoreUnavailableException} (503).
 */
@FunctionalInterface
public interface OrderLog {
  void append(MarketOrder order);
}
