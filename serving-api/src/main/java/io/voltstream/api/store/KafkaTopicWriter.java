package io.voltstream.api.store;

import io.voltstream.kafka.TopicAdmin;
import io.voltstream.kafka.TopicSerdes;
import io.voltstream.model.Topic;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Appends records to one Kafka topic of record (idempotent, {@code acks=all}) and waits for the
 * broker's acknowledgement, at most the write timeout, so that an answer sent after {@link #append}
 * means the record is in the log. Kafka failures and timeouts become {@link
 * StoreUnavailableException} (503).
 *
 * <pre>{@code
 * try (var w = KafkaTopicWriter.open("localhost:9092", Topics.COMMANDS, "voltstream-api-commands",
 *     Duration.ofSeconds(10))) {
 *   w.append(command.target(), command);
 * }
 * }</pre>
 */
public final class KafkaTopicWriter<K, V> implements AutoCloseable {
  private final Topic<K, V> topic;
  private final KafkaProducer<K, V> producer;
  private final Duration timeout;

  private KafkaTopicWriter(Topic<K, V> topic, KafkaProducer<K, V> producer, Duration timeout) {
    this.topic = topic;
    this.producer = producer;
    this.timeout = timeout;
  }

  /** Ensures the topic exists and opens the producer. */
  public static <K, V> KafkaTopicWriter<K, V> open(
      String bootstrap, Topic<K, V> topic, String clientId, Duration timeout) {
    TopicAdmin.ensure(bootstrap, timeout, topic);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    // Without this, send() itself blocks up to 60 s when Kafka is down, beyond the write timeout.
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    return new KafkaTopicWriter<>(
        topic,
        new KafkaProducer<>(
            p, TopicSerdes.keySerializer(topic), TopicSerdes.valueSerializer(topic)),
        timeout);
  }

  /** Produces {@code value} under {@code key} and returns once Kafka acknowledged it. */
  public void append(K key, V value) {
    String name = topic.name();
    try {
      producer
          .send(new ProducerRecord<>(name, key, value))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new StoreUnavailableException(
          "Kafka rejected the write to " + name + ": " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new StoreUnavailableException(
          "Kafka did not acknowledge the write to " + name + " within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while writing to " + name, e);
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new StoreUnavailableException(
          "Kafka is unavailable for writes to " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(2));
  }
}
