package io.voltstream.api.p2p;

import io.voltstream.api.store.KafkaTopicWriter;
import io.voltstream.model.Topics;
import io.voltstream.model.market.MarketOrder;
import java.time.Duration;

/**
 * Appends market orders to Kafka {@link Topics#MARKET_ORDERS}, the log of record, keyed by market
 * id (one market's orders stay in order on one partition), and waits for the broker's ack.
 */
public final class KafkaOrderLog implements OrderLog, AutoCloseable {
  private final KafkaTopicWriter<String, MarketOrder> writer;

  private KafkaOrderLog(KafkaTopicWriter<String, MarketOrder> writer) {
    this.writer = writer;
  }

  /** Ensures the topic exists and opens the producer. */
  public static KafkaOrderLog open(String bootstrap, Duration timeout) {
    return new KafkaOrderLog(
        KafkaTopicWriter.open(bootstrap, Topics.MARKET_ORDERS, "voltstream-api-orders", timeout));
  }

  @Override
  public void append(MarketOrder order) {
    writer.append(order.market(), order);
  }

  @Override
  public void close() {
    writer.close();
  }
}
