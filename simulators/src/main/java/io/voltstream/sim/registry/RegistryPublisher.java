package io.voltstream.sim.registry;

import io.voltstream.kafka.TopicAdmin;
import io.voltstream.kafka.TopicSerdes;
import io.voltstream.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes registry records to the compacted Kafka topic {@link Topics#REGISTRY} (key {@code
 * building:<id>} etc., value encoded as the declaration says) with an idempotent, acks=all
 * producer. Creates the topic as declared when it does not exist yet, so an auto-created topic
 * never loses the registry to retention.
 *
 * <pre>{@code
 * RegistryPublisher.register("localhost:9092", RegistryRecords.of(layout), Duration.ofSeconds(30));
 * }</pre>
 */
public final class RegistryPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryPublisher.class);

  private RegistryPublisher() {}

  /**
   * Produces every record and waits for all acknowledgements.
   *
   * @throws RegistryException when Kafka did not acknowledge everything within {@code timeout}
   */
  public static void register(String bootstrap, List<RegistryRecord> records, Duration timeout) {
    ensureTopic(bootstrap, timeout);
    try (KafkaProducer<String, Object> producer =
        new KafkaProducer<>(
            producerProperties(bootstrap, timeout),
            TopicSerdes.keySerializer(Topics.REGISTRY),
            TopicSerdes.valueSerializer(Topics.REGISTRY))) {
      List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
      for (RegistryRecord r : records) {
        sends.add(
            producer.send(
                new ProducerRecord<>(Topics.REGISTRY.name(), r.key().encode(), r.value())));
      }
      producer.flush();
      for (Future<RecordMetadata> f : sends) {
        f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      LOG.info("registered {} registry records on {}", records.size(), Topics.REGISTRY.name());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("interrupted while registering", e);
    } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
      throw new RegistryException(
          "Kafka at " + bootstrap + " did not accept the registry records: " + e, e);
    }
  }

  static void ensureTopic(String bootstrap, Duration timeout) {
    try {
      TopicAdmin.ensure(bootstrap, timeout, Topics.REGISTRY);
    } catch (IllegalStateException e) {
      throw new RegistryException(
          "cannot create topic " + Topics.REGISTRY + " on " + bootstrap + ": " + e.getMessage(), e);
    }
  }

  private static Properties producerProperties(String bootstrap, Duration timeout) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "voltstream-sim-registry");
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 31_000));
    return p;
  }

  /** Registration did not complete; the caller may retry. */
  public static final class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegistryException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
