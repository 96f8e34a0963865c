package io.voltstream.api.p2p;

import io.voltstream.api.store.StoreUnavailableException;
import io.voltstream.kafka.TopicAdmin;
import io.voltstream.model.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds an {@link OrderStore} from Kafka: {@code market-orders} from the first record written
 * within the store's retention (by record timestamp), and the compacted {@code market-order-status}
 * from the beginning (the store skips orders of slots older than its retention). No consumer group:
 * every API instance reads everything, so a restarted or second instance sees every order. {@link
 * #start} returns once the view has caught up with the logs' ends at start. Undecodable records are
 * logged, counted and skipped.
 */
public final class OrderFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OrderFeed.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final OrderStore store;
  private final Thread thread;
  private final Map<TopicPartition, Long> positions = new HashMap<>(); // guarded by this
  private final AtomicLong unreadable = new AtomicLong();
  private volatile boolean running = true;

  private OrderFeed(String bootstrap, OrderStore store) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "voltstream-api-orders");
    this.consumer =
        new KafkaConsumer<>(
            p,
            new org.apache.kafka.common.serialization.StringDeserializer(),
            new ByteArrayDeserializer());
    this.store = store;
    this.thread = new Thread(this::run, "voltstream-order-feed");
    this.thread.setDaemon(true);
  }

  /**
   * Creates the topics if missing, loads them up to their current ends into {@code store} and keeps
   * following them; fails when Kafka is unreachable or loading takes longer than {@code timeout}.
   */
  public static OrderFeed start(String bootstrap, OrderStore store, Clock clock, Duration timeout) {
    TopicAdmin.ensure(bootstrap, timeout, Topics.MARKET_ORDERS, Topics.MARKET_ORDER_STATUS);
    OrderFeed feed = new OrderFeed(bootstrap, store);
    try {
      feed.load(clock, timeout);
      return feed;
    } catch (RuntimeException e) {
      feed.close();
      throw e;
    }
  }

  private void load(Clock clock, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<TopicPartition> orders = partitions(Topics.MARKET_ORDERS.name(), deadline);
    List<TopicPartition> status = partitions(Topics.MARKET_ORDER_STATUS.name(), deadline);
    List<TopicPartition> all = new ArrayList<>(orders);
    all.addAll(status);
    consumer.assign(all);
    consumer.seekToBeginning(status);
    long since = clock.instant().minus(store.retention()).toEpochMilli();
    Map<TopicPartition, Long> query = new HashMap<>();
    orders.forEach(tp -> query.put(tp, since));
    Map<TopicPartition, OffsetAndTimestamp> first = consumer.offsetsForTimes(query, timeout);
    Map<TopicPartition, Long> end = consumer.endOffsets(all, timeout);
    for (TopicPartition tp : orders) {
      OffsetAndTimestamp at = first.get(tp);
      consumer.seek(tp, at == null ? end.get(tp) : at.offset());
    }
    thread.start();
    awaitCaughtUp(end, deadline);
    LOG.info("loaded {} market orders within {}", store.size(), store.retention());
  }

  private List<TopicPartition> partitions(String topic, long deadline) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(1));
    // Right after creation the metadata may not list the partitions yet.
    while (infos == null || infos.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new StoreUnavailableException("topic " + topic + " has no partitions in time");
      }
      infos = consumer.partitionsFor(topic, Duration.ofMillis(500));
    }
    return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
  }

  private void run() {
    try {
      while (running) {
        try {
          for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            apply(r);
          }
          Map<TopicPartition, Long> now = new HashMap<>();
          for (TopicPartition tp : consumer.assignment()) {
            now.put(tp, consumer.position(tp));
          }
          synchronized (this) {
            positions.putAll(now);
            notifyAll();
          }
        } catch (WakeupException e) {
          throw e;
        } catch (RuntimeException e) {
          // Keep following: a transient client error must not leave this instance stale.
          LOG.warn("order feed poll failed, retrying in 1 s: {}", e.toString());
          synchronized (this) {
            if (running) {
              wait(1_000);
            }
          }
        }
      }
    } catch (WakeupException e) {
      // close() asked us to stop
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
    }
  }

  private void apply(ConsumerRecord<String, byte[]> r) {
    if (r.value() == null) {
      return; // a tombstone on the status topic: the job forgot the order; keep ours until expiry
    }
    try {
      if (r.topic().equals(Topics.MARKET_ORDERS.name())) {
        store.apply(Topics.MARKET_ORDERS.decodeValue(r.key(), r.value()));
      } else {
        store.apply(Topics.MARKET_ORDER_STATUS.decodeValue(r.key(), r.value()));
      }
    } catch (java.io.IOException | RuntimeException e) {
      unreadable.incrementAndGet();
      LOG.warn(
          "skipping undecodable record {} at {}-{}@{}: {}",
          r.key(),
          r.topic(),
          r.partition(),
          r.offset(),
          e.toString());
    }
  }

  private synchronized void awaitCaughtUp(Map<TopicPartition, Long> end, long deadlineNanos) {
    try {
      for (var e : end.entrySet()) {
        while (positions.getOrDefault(e.getKey(), -1L) < e.getValue()) {
          long left = deadlineNanos - System.nanoTime();
          if (left <= 0 || !thread.isAlive()) {
            throw new StoreUnavailableException(
                "the order view did not reach the end of " + e.getKey() + " in time");
          }
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while loading the orders", e);
    }
  }

  /** Records that could not be decoded (skipped). */
  public long unreadableCount() {
    return unreadable.get();
  }

  @Override
  public void close() {
    running = false;
    synchronized (this) {
      notifyAll();
    }
    consumer.wakeup();
    try {
      if (thread.getState() != Thread.State.NEW) {
        thread.join(5_000);
      } else {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
