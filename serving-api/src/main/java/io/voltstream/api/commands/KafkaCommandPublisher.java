package io.voltstream.api.commands;

import io.voltstream.api.store.StoreUnavailableException;
import io.voltstream.kafka.TopicAdmin;
import io.voltstream.kafka.TopicSerdes;
import io.voltstream.model.Topics;
import io.voltstream.model.command.Command;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Produces commands to Kafka {@link Topics#COMMANDS} (key = target id; idempotent, {@code
 * acks=all}) and waits for the broker's acknowledgement, at most the write timeout, so that a 202
 * means the command is in the log of record.
 */
public final class KafkaCommandPublisher implements CommandPublisher, AutoCloseable {
  private final KafkaProducer<String, Command> producer;
  private final Duration timeout;

  private KafkaCommandPublisher(KafkaProducer<String, Command> producer, Duration timeout) {
    this.producer = producer;
    this.timeout = timeout;
  }

  /** Ensures the topic exists and opens the producer. */
  public static KafkaCommandPublisher open(String bootstrap, Duration timeout) {
    TopicAdmin.ensure(bootstrap, timeout, Topics.COMMANDS);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "voltstream-api-commands");
    return new KafkaCommandPublisher(
        new KafkaProducer<>(
            p,
            TopicSerdes.keySerializer(Topics.COMMANDS),
            TopicSerdes.valueSerializer(Topics.COMMANDS)),
        timeout);
  }

  @Override
  public void publish(Command command) {
    String topic = Topics.COMMANDS.name();
    try {
      producer
          .send(new ProducerRecord<>(topic, command.target(), command))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new StoreUnavailableException(
          "Kafka rejected the command: " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new StoreUnavailableException(
          "Kafka did not acknowledge the command within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while writing to " + topic, e);
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new StoreUnavailableException(
          "Kafka is unavailable for commands: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(2));
  }
}
