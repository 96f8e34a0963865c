package io.voltstream.api.store;

import io.voltstream.kafka.TopicAdmin;
import io.voltstream.model.Topic;
import io.voltstream.model.ValueCodec;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ReplicatedMap} materialised from a compacted Kafka topic. A background thread reads
 * every partition from the beginning (no consumer group: every instance sees everything) and
 * applies records and tombstones (as its {@link TombstonePolicy} says) to an in-memory map, telling
 * the {@link #listen listeners}. {@link #put} produces (idempotent, {@code acks=all}), then waits
 * until the reader has passed the produced offset, which gives read-your-writes on this instance.
 * Records this reader cannot decode are logged and skipped. A record reaches every instance's view
 * within one fetch: the reader long-polls with {@code fetch.max.wait.ms} 100 ms, and the broker
 * answers a waiting fetch as soon as a record arrives.
 *
 * <pre>{@code
 * try (var m = KafkaReplicatedMap.open("localhost:9092", TokenTopics.TOKENS, Duration.ofSeconds(10))) {
 *   m.put(id, record);
 * }
 * }</pre>
 */
public final class KafkaReplicatedMap<V> extends ViewBackedMap<V> {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaReplicatedMap.class);

  private final String topic;
  private final ValueCodec<String, V> codec;
  private final Duration writeTimeout;
  private final Map<Integer, Long> consumedUpTo = new HashMap<>(); // guarded by this
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread reader;
  private volatile boolean running = true;

  private KafkaReplicatedMap(
      String bootstrap,
      String topic,
      ValueCodec<String, V> codec,
      Duration writeTimeout,
      TombstonePolicy tombstones) {
    super(new MapView<>(topic, tombstones));
    this.topic = topic;
    this.codec = codec;
    this.writeTimeout = writeTimeout;
    this.producer =
        new KafkaProducer<>(
            producerProps(bootstrap, writeTimeout),
            new StringSerializer(),
            new ByteArraySerializer());
    this.consumer =
        new KafkaConsumer<>(
            consumerProps(bootstrap), new StringDeserializer(), new ByteArrayDeserializer());
    this.reader = new Thread(this::readLoop, "replicated-map-" + topic);
    this.reader.setDaemon(true);
  }

  /** {@link #open(String, Topic, Duration, TombstonePolicy)} where tombstones delete. */
  public static <V> KafkaReplicatedMap<V> open(
      String bootstrap, Topic<String, V> topic, Duration timeout) {
    return open(bootstrap, topic, timeout, TombstonePolicy.DELETE);
  }

  /**
   * Creates the compacted topic if it is missing (and sets its declared configs), loads it to its
   * current end and starts following it. Fails when Kafka is unreachable or the initial load takes
   * longer than {@code timeout}.
   */
  public static <V> KafkaReplicatedMap<V> open(
      String bootstrap, Topic<String, V> topic, Duration timeout, TombstonePolicy tombstones) {
    if (topic.cleanup() != Topic.Cleanup.COMPACT) {
      throw new IllegalArgumentException(
          "a replicated map needs a compacted topic; " + topic + " is not");
    }
    TopicAdmin.ensure(bootstrap, timeout, topic);
    KafkaReplicatedMap<V> m =
        new KafkaReplicatedMap<>(bootstrap, topic.name(), topic.valueCodec(), timeout, tombstones);
    try {
      m.start(timeout);
      return m;
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
  }

  private void start(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
    // Right after creation the metadata may not list the partitions yet; assigning none would
    // leave this view silently empty forever.
    while (infos == null || infos.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new StoreUnavailableException(
            "topic " + topic + " has no partitions after " + timeout);
      }
      infos = consumer.partitionsFor(topic, Duration.ofMillis(500));
    }
    List<TopicPartition> parts =
        infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    consumer.assign(parts);
    consumer.seekToBeginning(parts);
    Map<TopicPartition, Long> end = consumer.endOffsets(parts, timeout);
    synchronized (this) {
      parts.forEach(tp -> consumedUpTo.put(tp.partition(), 0L));
    }
    reader.start();
    for (var e : end.entrySet()) {
      awaitConsumed(e.getKey().partition(), e.getValue(), deadline);
    }
    LOG.info("loaded {} entries from {}", view.size(), topic);
  }

  private void readLoop() {
    try {
      while (running) {
        try {
          pollOnce();
        } catch (WakeupException e) {
          if (running) {
            LOG.warn("reader of {} woken unexpectedly; continuing", topic);
          }
        } catch (RuntimeException e) {
          // Keep following: a transient client error must not leave this instance with a stale
          // view.
          LOG.error("reader of {} failed; retrying in 1 s", topic, e);
          synchronized (this) {
            if (running) {
              wait(1_000);
            }
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
    }
  }

  private void pollOnce() {
    var records = consumer.poll(Duration.ofMillis(200));
    for (ConsumerRecord<String, byte[]> r : records) {
      apply(r);
    }
    Map<Integer, Long> positions = new HashMap<>();
    for (TopicPartition tp : consumer.assignment()) {
      positions.put(tp.partition(), consumer.position(tp));
    }
    synchronized (this) {
      consumedUpTo.putAll(positions);
      notifyAll();
    }
  }

  private void apply(ConsumerRecord<String, byte[]> r) {
    if (r.key() == null) {
      LOG.warn("skipping record without key at {}-{}@{}", topic, r.partition(), r.offset());
      return;
    }
    if (r.value() == null) {
      view.apply(r.key(), null);
      return;
    }
    V value;
    try {
      value = codec.decode(r.key(), r.value());
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "skipping undecodable record {} at {}-{}@{}: {}",
          r.key(),
          topic,
          r.partition(),
          r.offset(),
          e.toString());
      return;
    }
    view.apply(r.key(), value);
  }

  @Override
  public void put(String key, V value) {
    write(key, codec.encode(value));
  }

  @Override
  public void remove(String key) {
    write(key, null);
  }

  private void write(String key, byte[] value) {
    long deadline = System.nanoTime() + writeTimeout.toNanos();
    RecordMetadata md;
    try {
      md =
          producer
              .send(new ProducerRecord<>(topic, key, value))
              .get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new StoreUnavailableException(
          "Kafka rejected the write to " + topic + ": " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new StoreUnavailableException(
          "Kafka did not acknowledge the write to " + topic + " within " + writeTimeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while writing to " + topic, e);
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new StoreUnavailableException(
          "Kafka is unavailable for writes to " + topic + ": " + e.getMessage(), e);
    }
    awaitConsumed(md.partition(), md.offset() + 1, deadline);
  }

  private synchronized void awaitConsumed(int partition, long offset, long deadlineNanos) {
    try {
      while (consumedUpTo.getOrDefault(partition, -1L) < offset) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0 || !running || !reader.isAlive() && reader.getState() != Thread.State.NEW) {
          throw new StoreUnavailableException(
              "the view of "
                  + topic
                  + " did not reach offset "
                  + offset
                  + " of partition "
                  + partition
                  + " in time");
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while waiting for " + topic, e);
    }
  }

  @Override
  public void close() {
    running = false;
    synchronized (this) {
      notifyAll();
    }
    consumer.wakeup();
    try {
      if (reader.getState() != Thread.State.NEW) {
        reader.join(5_000);
      } else {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(2));
  }

  private static Properties producerProps(String bootstrap, Duration writeTimeout) {
    Properties p = new Properties();
    // Without this, send() itself blocks up to 60 s when Kafka is down, beyond the write timeout.
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) writeTimeout.toMillis());
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "voltstream-api-writer");
    return p;
  }

  private static Properties consumerProps(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "voltstream-api-view");
    return p;
  }
}
