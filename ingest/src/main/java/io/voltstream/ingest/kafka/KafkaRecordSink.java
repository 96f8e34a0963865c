package io.voltstream.ingest.kafka;

import io.voltstream.ingest.IngestConfig;
import io.voltstream.ingest.RecordSink;
import io.voltstream.kafka.TopicSerdes;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.DeadLetter;
import io.voltstream.model.SensorReading;
import io.voltstream.model.Topics;
import io.voltstream.model.command.CommandAck;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes readings to the readings topic keyed by sensor id (so each sensor's readings stay in order
 * on one partition), battery states to {@link Topics#BATTERY_STATE} keyed by battery id,
 * acknowledgements to {@link Topics#COMMAND_ACKS} keyed by target id, and dead letters to the DLQ
 * topic keyed by MQTT topic, encoded as {@link Topics#READINGS} and {@link Topics#READINGS_DLQ}
 * declare (the names may be configured), through one idempotent producer with {@code acks=all}.
 *
 * <pre>{@code
 * try (KafkaRecordSink sink = KafkaRecordSink.create(config)) {
 *   sink.send(readings, deadLetters).join();
 * }
 * }</pre>
 */
public final class KafkaRecordSink implements RecordSink {
  private final Producer<String, byte[]> producer;
  private final String readingsTopic;
  private final String deadLetterTopic;

  public KafkaRecordSink(
      Producer<String, byte[]> producer, String readingsTopic, String deadLetterTopic) {
    this.producer = producer;
    this.readingsTopic = readingsTopic;
    this.deadLetterTopic = deadLetterTopic;
  }

  public static KafkaRecordSink create(IngestConfig config) {
    return new KafkaRecordSink(
        new KafkaProducer<>(
            producerProperties(config),
            TopicSerdes.keySerializer(Topics.READINGS),
            new ByteArraySerializer()),
        config.readingsTopic(),
        config.deadLetterTopic());
  }

  /** Durable, ordered, duplicate-free per producer session: the settings of issue 2 §2. */
  static Properties producerProperties(IngestConfig config) {
    long deliveryMs = config.kafkaDeliveryTimeout().toMillis();
    long lingerMs = config.kafkaLinger().toMillis();
    // delivery.timeout.ms must be >= linger.ms + request.timeout.ms or the producer refuses to
    // start
    long requestMs = Math.max(500, Math.min(30_000, (deliveryMs - lingerMs) / 2));
    Properties props = new Properties();
    props.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
    props.setProperty(ProducerConfig.CLIENT_ID_CONFIG, config.clientId());
    props.setProperty(ProducerConfig.ACKS_CONFIG, "all");
    props.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.setProperty(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
    props.setProperty(ProducerConfig.LINGER_MS_CONFIG, Long.toString(lingerMs));
    props.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(64 * 1024));
    props.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.kafkaCompression());
    props.setProperty(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(requestMs));
    props.setProperty(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        Long.toString(Math.max(deliveryMs, lingerMs + requestMs)));
    return props;
  }

  @Override
  public CompletableFuture<Void> send(
      List<SensorReading> readings,
      List<BatteryTelemetry> batteryStates,
      List<CommandAck> acks,
      List<DeadLetter> deadLetters) {
    CompletableFuture<Void> stored = new CompletableFuture<>();
    int total = readings.size() + batteryStates.size() + acks.size() + deadLetters.size();
    if (total == 0) {
      stored.complete(null);
      return stored;
    }
    AtomicInteger pending = new AtomicInteger(total);
    Callback callback =
        (metadata, exception) -> {
          if (exception != null) {
            stored.completeExceptionally(exception);
          } else if (pending.decrementAndGet() == 0) {
            stored.complete(null);
          }
        };
    try {
      for (SensorReading reading : readings) {
        producer.send(
            new ProducerRecord<>(
                readingsTopic, reading.sensorId(), Topics.READINGS.encodeValue(reading)),
            callback);
      }
      for (BatteryTelemetry state : batteryStates) {
        producer.send(
            new ProducerRecord<>(
                Topics.BATTERY_STATE.name(),
                state.batteryId(),
                Topics.BATTERY_STATE.encodeValue(state)),
            callback);
      }
      for (CommandAck ack : acks) {
        producer.send(
            new ProducerRecord<>(
                Topics.COMMAND_ACKS.name(), ack.target(), Topics.COMMAND_ACKS.encodeValue(ack)),
            callback);
      }
      for (DeadLetter deadLetter : deadLetters) {
        producer.send(
            new ProducerRecord<>(
                deadLetterTopic,
                deadLetter.mqttTopic(),
                Topics.READINGS_DLQ.encodeValue(deadLetter)),
            callback);
      }
    } catch (KafkaException | IllegalStateException e) {
      // send() throws for a closed producer, a metadata timeout or a fatal producer error; records
      // already handed over may still be written, which redelivery turns into duplicates, not loss.
      stored.completeExceptionally(e);
    }
    return stored;
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public void close(Duration timeout) {
    producer.close(timeout);
  }
}
