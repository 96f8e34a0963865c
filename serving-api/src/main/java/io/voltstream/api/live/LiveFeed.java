package io.voltstream.api.live;

import io.voltstream.model.Topic;
import io.voltstream.model.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code readings}, {@code room-metrics}, {@code events}, {@code forecasts}, {@code
 * battery-state}, {@code command-status}, {@code dr-invitations}, {@code dr-status}, {@code
 * flexibility}, {@code market-trades}, {@code market-clearing}, {@code market-order-status} and
 * {@code settlements} from Kafka on one thread and hands every record to {@link LiveHub#broadcast}.
 * Each API instance uses its own consumer group and starts at the latest offsets: live data only,
 * no replay, no committed offsets.
 *
 * <pre>{@code
 * LiveFeed feed = LiveFeed.start("localhost:9092", hub, new LiveMessages(registry::roomOfSensor));
 * feed.awaitAssigned(Duration.ofSeconds(10));
 * feed.close();
 * }</pre>
 */
public final class LiveFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
  static final List<String> TOPICS =
      Stream.of(
              Topics.READINGS,
              Topics.ROOM_METRICS,
              Topics.EVENTS,
              Topics.FORECASTS,
              Topics.BATTERY_STATE,
              Topics.COMMAND_STATUS,
              Topics.DR_INVITATIONS,
              Topics.DR_STATUS,
              Topics.FLEXIBILITY,
              Topics.MARKET_TRADES,
              Topics.MARKET_CLEARING,
              Topics.MARKET_ORDER_STATUS,
              Topics.SETTLEMENTS)
          .map(Topic::name)
          .toList();

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final LiveHub hub;
  private final LiveMessages messages;
  private final Thread thread;
  private final CountDownLatch assigned = new CountDownLatch(1);
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong unreadable = new AtomicLong();
  private volatile boolean running = true;

  private LiveFeed(String bootstrapServers, LiveHub hub, LiveMessages messages) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "voltstream-api-live-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "voltstream-api-live");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
    // Topics created after the API started (or new partitions) are picked up within 10 s, not 5
    // min.
    p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "10000");
    this.consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.hub = hub;
    this.messages = messages;
    this.thread = new Thread(this::run, "voltstream-live-feed");
    this.thread.setDaemon(true);
  }

  public static LiveFeed start(String bootstrapServers, LiveHub hub, LiveMessages messages) {
    LiveFeed feed = new LiveFeed(bootstrapServers, hub, messages);
    feed.thread.start();
    return feed;
  }

  /** Waits until partitions are assigned, i.e. records published from now on will be pushed. */
  public boolean awaitAssigned(Duration timeout) throws InterruptedException {
    return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public long receivedCount() {
    return received.get();
  }

  public long unreadableCount() {
    return unreadable.get();
  }

  private void run() {
    try {
      consumer.subscribe(
          TOPICS,
          new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
              consumer.seekToEnd(partitions);
              partitions.forEach(consumer::position);
              assigned.countDown();
            }
          });
      while (running) {
        try {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            received.incrementAndGet();
            messages
                .fromKafka(r.topic(), r.value())
                .ifPresentOrElse(hub::broadcast, unreadable::incrementAndGet);
          }
        } catch (WakeupException e) {
          throw e;
        } catch (KafkaException e) {
          // Live data is best effort: log, back off, keep the feed alive.
          LOG.warn("live feed poll failed, retrying in 1 s: {}", e.toString());
          LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
      }
    } catch (WakeupException e) {
      // close() asked us to stop
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
