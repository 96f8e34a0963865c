package io.voltstream.forecast.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.kafka.TopicSerdes;
import io.voltstream.model.Json;
import io.voltstream.model.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each written {@link ForecastBatch} as a {@link ForecastMessage} to Kafka {@code
 * forecasts}, keyed by building, for the API's live feed. Best effort: InfluxDB is the record of
 * truth, so a failed send is logged and counted and never fails the forecast run.
 */
public final class ForecastPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ForecastPublisher.class);

  private final KafkaProducer<String, JsonNode> producer;
  private final String topic;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  public ForecastPublisher(String bootstrapServers) {
    this(bootstrapServers, Topics.FORECASTS.name());
  }

  ForecastPublisher(String bootstrapServers, String topic) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "voltstream-forecast-publisher");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    // An hourly run must not hang on a missing broker: give up on metadata after 5 s, on a send
    // after 30 s.
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
    this.producer =
        new KafkaProducer<>(
            p,
            TopicSerdes.keySerializer(Topics.FORECASTS),
            TopicSerdes.valueSerializer(Topics.FORECASTS));
    this.topic = topic;
  }

  /** Sends asynchronously; failures are counted in {@link #failedCount()}, never thrown. */
  public void publish(ForecastBatch batch, Instant issuedAt) {
    try {
      JsonNode json = Json.MAPPER.valueToTree(ForecastMessage.of(batch, issuedAt));
      producer.send(
          new ProducerRecord<>(topic, batch.building(), json),
          (meta, e) -> {
            if (e == null) {
              published.incrementAndGet();
            } else {
              failed.incrementAndGet();
              LOG.warn(
                  "Publishing forecast {}/{} to {} failed: {}",
                  batch.building(),
                  batch.target().id(),
                  topic,
                  e.toString());
            }
          });
    } catch (RuntimeException e) {
      failed.incrementAndGet();
      LOG.warn(
          "Publishing forecast {}/{} to {} failed: {}",
          batch.building(),
          batch.target().id(),
          topic,
          e.toString());
    }
  }

  /** Waits for the sends so far to complete (successfully or not). */
  public void flush() {
    producer.flush();
  }

  public long publishedCount() {
    return published.get();
  }

  public long failedCount() {
    return failed.get();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
