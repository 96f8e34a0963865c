package io.voltstream.sim.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.voltstream.model.Json;
import io.voltstream.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes registry records to the compacted Kafka topic {@code registry} (key {@code building:<id>} etc.,
 * JSON value via {@link Json#MAPPER}) with an idempotent, acks=all producer. Creates the topic as
 * compacted when it does not exist yet, so an auto-created topic never loses the registry to retention.
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
    ensureCompactedTopic(bootstrap, timeout);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(bootstrap, timeout))) {
      List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
      for (RegistryRecord r : records) {
        sends.add(producer.send(new ProducerRecord<>(Topics.REGISTRY, r.key().encode(), json(r.value()))));
      }
      producer.flush();
      for (Future<RecordMetadata> f : sends) {
        f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      LOG.info("registered {} registry records on {}", records.size(), Topics.REGISTRY);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("interrupted while registering", e);
    } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
      throw new RegistryException("Kafka at " + bootstrap + " did not accept the registry records: " + e, e);
    }
  }

  static void ensureCompactedTopic(String bootstrap, Duration timeout) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
    try (Admin admin = Admin.create(p)) {
      NewTopic topic = new NewTopic(Topics.REGISTRY, Optional.of(1), Optional.empty())
          .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("created compacted topic {}", Topics.REGISTRY);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new RegistryException("cannot create topic " + Topics.REGISTRY + " on " + bootstrap + ": " + e.getCause(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("interrupted while creating " + Topics.REGISTRY, e);
    } catch (TimeoutException e) {
      throw new RegistryException("Kafka at " + bootstrap + " did not answer within " + timeout, e);
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
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return p;
  }

  static String json(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new RegistryException("cannot encode registry value " + value, e);
    }
  }

  /** Registration did not complete; the caller may retry. */
  public static final class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegistryException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
